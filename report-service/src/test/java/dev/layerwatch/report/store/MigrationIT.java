package dev.layerwatch.report.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.testkit.postgres.PostgresServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every migration on an empty database, and on the previous release's schema holding data: release 1 (V1) with rows
 * as its consumer wrote them, then migrated to the current schema, keeps them and fills what the new release added.
 */
class MigrationIT {

    @RegisterExtension
    static PostgresServerExtension postgres = PostgresServerExtension.shared();

    private static Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, postgres.username(), "").locations("classpath:db/migration");
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        return config.load();
    }

    @Test
    void everyMigrationRunsOnAnEmptyDatabase() {
        String url = postgres.newDatabaseUrl("migrate_empty");
        var result = flyway(url, null).migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(flyway(url, null).info().all().length);
        assertThat(flyway(url, null).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void releaseOneDataSurvivesTheUpgradeAndIsBackfilled() throws Exception {
        String url = postgres.newDatabaseUrl("migrate_from_v1");
        flyway(url, "1").migrate();
        try (Connection c = DriverManager.getConnection(url, postgres.username(), ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO repositories (registry, name) VALUES ('127.0.0.1:5000', 'team/app')");
            s.execute("INSERT INTO layer_inventories (id, layer_digest, package_count, created_at) VALUES ('sha256:aa', 'sha256:l1', 2, now())");
            s.execute("""
                    INSERT INTO inventory_packages (inventory_id, ordinal, type, name, version, purl, locations) VALUES
                      ('sha256:aa', 0, 'maven', 'org.apache.logging.log4j:log4j-core', '2.14.1',
                       'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1', '{/app/lib/log4j-core-2.14.1.jar}'),
                      ('sha256:aa', 1, 'deb', 'openssl', '3.0.11-1~deb12u2',
                       'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12', '{/var/lib/dpkg/status}')""");
        }

        var result = flyway(url, null).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        try (Connection c = DriverManager.getConnection(url, postgres.username(), ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT purl_name, locations[1] FROM inventory_packages ORDER BY ordinal")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
            assertThat(rs.getString(1)).isEqualTo(PackageUrls.withoutVersion("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
            assertThat(rs.getString(2)).isEqualTo("/app/lib/log4j-core-2.14.1.jar");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("pkg:deb/debian/openssl");
        }
    }
}
