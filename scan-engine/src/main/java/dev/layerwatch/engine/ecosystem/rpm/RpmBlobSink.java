package dev.layerwatch.engine.ecosystem.rpm;

/** Receives the header blobs a database reader finds, and what it had to skip, in file order. */
interface RpmBlobSink {

    void blob(byte[] header);

    /** A part of the database that could not be read; the reader goes on with the rest. */
    void problem(String description);
}
