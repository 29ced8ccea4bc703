package dev.layerwatch.engine.ecosystem.golang;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.catalog.SpooledFile;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import dev.layerwatch.engine.layer.FileMeta;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Go modules in executables. The first 32 KiB are read: anything but ELF, PE or Mach-O ends there. An
 * executable whose head carries the Go build ID is a Go program: it is spooled to a temporary file and
 * memory-mapped, so both build-information layouts can be read without weighing on the heap. In any other
 * ELF executable only the first 64 KiB of the data segment are looked at, where the linker puts 1.18+
 * build information (a Go program linked without build ID still has it) and where Go's own tooling
 * looks; other executables are scanned as they stream past. The many non-Go binaries of a layer are
 * never copied, and most of their bytes never examined. Packages: the main
 * module, every dependency, and {@code stdlib} at the toolchain version (without the {@code go}
 * prefix, as OSV writes Go versions).
 */
public final class GoBinaryCataloger implements PackageCataloger {

    static final long MAX_SIZE = 512L << 20;
    static final int HEAD = 32 << 10;
    private static final long MIN_SIZE = 64;

    @Override
    public String name() {
        return "go-binary";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        if (file.size() < MIN_SIZE || file.size() > MAX_SIZE) {
            return false;
        }
        String name = file.fileName();
        if (name.endsWith(".so") || name.contains(".so.") || name.endsWith(".a") || name.endsWith(".o")) {
            return false;
        }
        // a binary copied without its mode bits still sits in a bin directory; the sniff decides
        return file.executable() || name.endsWith(".exe") || inBinDirectory(file.path());
    }

    private static boolean inBinDirectory(String path) {
        return path.startsWith("bin/") || path.startsWith("sbin/") || path.contains("/bin/") || path.contains("/sbin/");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        byte[] magic = content.readNBytes(4);
        Optional<GoBuildInfoReader.Format> format = GoBuildInfoReader.sniff(magic);
        if (format.isEmpty()) {
            return CatalogResult.EMPTY;
        }
        byte[] head = Arrays.copyOf(magic, HEAD);
        int headLength = magic.length + content.readNBytes(head, magic.length, HEAD - magic.length);
        head = Arrays.copyOf(head, headLength);
        Optional<GoBuildInfo> info;
        try {
            Optional<GoElfDataSegment> data = format.get() == GoBuildInfoReader.Format.ELF
                    ? GoElfDataSegment.find(head) : Optional.empty();
            if (GoBuildInfoReader.hasBuildIdMarker(head)) {
                info = spooled(head, content, format.get());
            } else if (data.isPresent()) {
                info = GoBuildInfoStreamScanner.scanDataSegment(head, content, data.get());
            } else {
                info = GoBuildInfoStreamScanner.scan(head, content);
            }
        } catch (GoBuildInfoException e) {
            return CatalogResult.warning(file.location() + ": Go build information unreadable: " + e.getMessage());
        }
        if (info.isEmpty()) {
            return CatalogResult.EMPTY;
        }
        return packages(file, info.get());
    }

    private static Optional<GoBuildInfo> spooled(byte[] head, InputStream rest, GoBuildInfoReader.Format format)
            throws IOException, GoBuildInfoException {
        try (SpooledFile spooled = SpooledFile.copyOf(
                new SequenceInputStream(new ByteArrayInputStream(head), rest), ".bin");
                FileChannel channel = FileChannel.open(spooled.path(), StandardOpenOption.READ)) {
            MappedByteBuffer image = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return GoBuildInfoReader.read(image, format);
        }
    }

    private static CatalogResult packages(FileMeta file, GoBuildInfo info) {
        List<Package> packages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        GoModInfoParser.Modules modules = GoModInfoParser.parse(GoBuildInfoReader.stripSentinels(info.modInfo()));
        List<GoModInfoParser.Module> all = new ArrayList<>();
        if (modules.main() != null) {
            all.add(modules.main());
        }
        all.addAll(modules.dependencies());
        String stdlib = toolchainVersion(info.goVersion());
        if (stdlib != null) {
            all.add(new GoModInfoParser.Module("stdlib", stdlib));
        } else {
            warnings.add(file.location() + ": Go version '" + info.goVersion() + "' is not a release, no stdlib package");
        }
        for (GoModInfoParser.Module module : all) {
            try {
                packages.add(toPackage(file, module));
            } catch (IllegalArgumentException e) {
                warnings.add(file.location() + ": module " + module.path() + " skipped: " + e.getMessage());
            }
        }
        return new CatalogResult(packages, warnings);
    }

    /** {@code go1.21.5 X:boringcrypto} → {@code 1.21.5}; development toolchains have no release version. */
    static String toolchainVersion(String goVersion) {
        String first = goVersion.strip().split("\\s+", 2)[0];
        return first.matches("go\\d+(\\.\\d+)*([a-z]+\\d*)?") ? first.substring(2) : null;
    }

    private static Package toPackage(FileMeta file, GoModInfoParser.Module module) {
        int slash = module.path().lastIndexOf('/');
        String namespace = slash > 0 ? module.path().substring(0, slash) : null;
        String name = module.path().substring(slash + 1);
        String purl = PackageUrls.of(Ecosystem.GOLANG, namespace, name, module.version());
        return new Package(module.path(), module.version(), Ecosystem.GOLANG, purl, null, null, null,
                List.of(file.location()), false);
    }
}
