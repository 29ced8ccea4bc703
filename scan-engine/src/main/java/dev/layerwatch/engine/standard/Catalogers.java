package dev.layerwatch.engine.standard;

import dev.layerwatch.engine.catalog.PackageCataloger;
import dev.layerwatch.engine.ecosystem.alpine.ApkDbCataloger;
import dev.layerwatch.engine.ecosystem.debian.DpkgStatusCataloger;
import dev.layerwatch.engine.ecosystem.golang.GoBinaryCataloger;
import dev.layerwatch.engine.ecosystem.java.JavaArchiveCataloger;
import dev.layerwatch.engine.ecosystem.npm.NpmLockfileCataloger;
import dev.layerwatch.engine.ecosystem.npm.NpmPackageJsonCataloger;
import dev.layerwatch.engine.ecosystem.python.PythonDeclaredCataloger;
import dev.layerwatch.engine.ecosystem.python.PythonMetadataCataloger;
import dev.layerwatch.engine.ecosystem.rpm.RpmDbCataloger;
import java.util.List;

/** The one explicit list of package catalogers: adding an ecosystem means adding it here, nowhere else. */
public final class Catalogers {

    private Catalogers() {
    }

    /** New instances, OS databases first; catalogers are stateless, so one list may serve many layers. */
    public static List<PackageCataloger> all() {
        return List.of(
                new ApkDbCataloger(),
                new DpkgStatusCataloger(),
                new RpmDbCataloger(),
                new JavaArchiveCataloger(),
                new NpmPackageJsonCataloger(),
                new NpmLockfileCataloger(),
                new PythonMetadataCataloger(),
                new PythonDeclaredCataloger(),
                new GoBinaryCataloger());
    }
}
