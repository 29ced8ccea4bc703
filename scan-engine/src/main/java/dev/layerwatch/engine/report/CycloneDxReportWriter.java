package dev.layerwatch.engine.report;

import dev.layerwatch.engine.scan.ImageScan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;

/**
 * A CycloneDX 1.6 JSON SBOM of one platform image: the image as {@code metadata.component}
 * (a container), the OS as an operating-system component, each package as a library with its purl;
 * layer and locations as {@code layerwatch:*} properties; findings, when the scan matched any, as the
 * {@code vulnerabilities} section ({@link CycloneDxVulnerabilities}).
 */
public final class CycloneDxReportWriter implements ReportWriter {

    @Override
    public void write(List<ImageScan> scans, OutputStream out) throws IOException {
        List<ImageReport> reports = scans.stream().map(ImageReport::of).toList();
        if (reports.size() != 1) {
            throw new IllegalArgumentException("a CycloneDX SBOM describes one platform image, but the scan produced "
                    + reports.size() + "; choose one with --platform");
        }
        try {
            String json = BomGeneratorFactory.createJson(Version.VERSION_16, bom(reports.getFirst())).toJsonString();
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (GeneratorException e) {
            throw new IOException("cannot write the CycloneDX SBOM: " + e.getMessage(), e);
        }
    }

    static Bom bom(ImageReport report) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
        Metadata metadata = new Metadata();
        metadata.setTimestamp(new Date());
        Component image = new Component();
        image.setType(Component.Type.CONTAINER);
        image.setName(report.image());
        image.setBomRef("image");
        if (report.manifestDigest() != null) {
            image.setVersion(report.manifestDigest());
        }
        if (report.platform() != null) {
            image.addProperty(property("layerwatch:platform", report.platform()));
        }
        // an SBOM without a vulnerabilities section must not read as "none found" when nothing was checked
        metadata.addProperty(property("layerwatch:vulnerability-status", report.vulnerabilityStatus().state().name()));
        metadata.addProperty(property("layerwatch:vulnerability-status:detail", report.vulnerabilityStatus().detail()));
        metadata.addProperty(property("layerwatch:scan-outcome", report.outcome().result().name()));
        report.outcome().incompleteLayers().forEach(l ->
                metadata.addProperty(property("layerwatch:incomplete-layer", l.layer() + ": " + l.reason())));
        metadata.setComponent(image);
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>();
        if (report.os() != null) {
            Component os = new Component();
            os.setType(Component.Type.OPERATING_SYSTEM);
            os.setBomRef("os:" + report.os().id());
            os.setName(report.os().id());
            if (report.os().versionId() != null) {
                os.setVersion(report.os().versionId());
            }
            if (report.os().prettyName() != null) {
                os.setDescription(report.os().prettyName());
            }
            components.add(os);
        }
        Map<String, List<String>> bomRefsByPurl = new HashMap<>();
        int i = 0;
        for (ReportPackage p : report.packages()) {
            Component c = component(p, i++);
            components.add(c);
            if (p.purl() != null) {
                bomRefsByPurl.computeIfAbsent(p.purl(), k -> new ArrayList<>()).add(c.getBomRef());
            }
        }
        bom.setComponents(components);
        if (!report.findings().isEmpty()) {
            bom.setVulnerabilities(CycloneDxVulnerabilities.of(report.findings(), bomRefsByPurl));
        }
        return bom;
    }

    private static Component component(ReportPackage p, int index) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        String name = p.name();
        if ("maven".equals(p.type()) && name.contains(":")) {
            c.setGroup(name.substring(0, name.indexOf(':')));
            name = name.substring(name.indexOf(':') + 1);
        }
        c.setName(name);
        c.setVersion(p.version());
        c.setBomRef((p.purl() != null ? p.purl() : p.type() + ":" + p.name() + "@" + p.version()) + "#" + index);
        if (p.purl() != null) {
            c.setPurl(p.purl());
        }
        c.addProperty(property("layerwatch:package:type", p.type()));
        if (p.source() != null) {
            c.addProperty(property("layerwatch:package:source", p.source()));
        }
        if (p.layer() != null) {
            c.addProperty(property("layerwatch:layer", p.layer()));
        }
        for (String location : p.locations()) {
            c.addProperty(property("layerwatch:location", location));
        }
        if (p.declaredOnly()) {
            c.addProperty(property("layerwatch:declared-only", "true"));
        }
        return c;
    }

    private static Property property(String name, String value) {
        Property p = new Property();
        p.setName(name);
        p.setValue(value);
        return p;
    }
}
