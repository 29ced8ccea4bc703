package dev.layerwatch.engine.ecosystem.rpm;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** rpm ≥ 4.16's {@code rpmdb.sqlite}: table {@code Packages(hnum, blob)}, one header blob per row. */
final class RpmSqliteReader {

    private RpmSqliteReader() {
    }

    static void read(Path file, RpmBlobSink sink) throws RpmDbFormatException {
        // immutable: the copy has no -wal/-shm beside it and must never get one; read-only besides
        String url = "jdbc:sqlite:file:" + file.toAbsolutePath() + "?immutable=1";
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT blob FROM Packages")) {
            while (rows.next()) {
                byte[] blob = rows.getBytes(1);
                if (blob == null) {
                    sink.problem("a Packages row has no blob");
                } else {
                    sink.blob(blob);
                }
            }
        } catch (SQLException e) {
            throw new RpmDbFormatException("cannot read the sqlite Packages table: " + e.getMessage(), e);
        }
    }
}
