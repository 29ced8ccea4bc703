package dev.layerwatch.engine.ecosystem.dotnet;

import dev.layerwatch.engine.catalog.CatalogResult;
import dev.layerwatch.engine.layer.FileMeta;
import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.catalog.PackageUrls;
import dev.layerwatch.engine.inventory.Ecosystem;
import dev.layerwatch.engine.inventory.Package;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * NuGet packages of a .NET application: the {@code libraries} of its {@code <app>.deps.json}, keyed
 * {@code Id/Version}. The key's version is the package version ({@code assemblyVersion} is not:
 * Newtonsoft.Json 13.0.3 ships assembly 13.0.0.0). {@code package} libraries are reported;
 * {@code runtimepack} ones are the runtime a self-contained app carries, reported without their
 * {@code runtimepack.} prefix ({@code Microsoft.NETCore.App.Runtime.win-x64}) because that is the name
 * advisories use; {@code project} (the app's own code) and {@code referenceassembly} (framework references)
 * are not packages.
 */
public final class DotnetDepsCataloger implements PackageCataloger {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String RUNTIME_PACK = "runtimepack.";

    @Override
    public String name() {
        return "dotnet-deps";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(FileMeta file) {
        return file.fileName().endsWith(".deps.json");
    }

    @Override
    public CatalogResult catalog(FileMeta file, InputStream content) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            return CatalogResult.warning(file.location() + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode libraries = root == null ? null : root.get("libraries");
        if (libraries == null || !libraries.isObject()) {
            return CatalogResult.warning(file.location() + ": no 'libraries' object: not a deps.json");
        }
        List<Package> found = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : libraries.properties()) {
            String type = e.getValue().path("type").asString("");
            if (!type.equals("package") && !type.equals("runtimepack")) {
                continue;
            }
            String key = e.getKey();
            int slash = key.lastIndexOf('/');
            if (slash <= 0 || slash == key.length() - 1) {
                warnings.add(file.location() + ": library '" + key + "' is not 'Id/Version'");
                continue;
            }
            String id = key.substring(0, slash);
            if (type.equals("runtimepack") && id.startsWith(RUNTIME_PACK)) {
                id = id.substring(RUNTIME_PACK.length());
            }
            String version = key.substring(slash + 1);
            try {
                String purl = PackageUrls.of(Ecosystem.NUGET, null, id, version);
                found.add(new Package(id, version, Ecosystem.NUGET, purl, null, null, null, List.of(file.location()), false));
            } catch (IllegalArgumentException ex) {
                warnings.add(file.location() + ": library '" + key + "': " + ex.getMessage());
            }
        }
        return new CatalogResult(found, warnings);
    }
}
