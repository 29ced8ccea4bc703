package dev.layerwatch.notify.log;

import static dev.layerwatch.notify.ScanFixtures.failedScan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import dev.layerwatch.notify.routing.Target;
import org.junit.jupiter.api.Test;

class LogNotifierTest {

    private static Notification all(ScanCompleted s) {
        return new Notification(new Target(ChannelKind.LOG, "log"), s, s.findings(), s.configFindings(), s.secrets());
    }

    @Test
    void oneSummaryLineThenOneLinePerFinding() {
        assertThat(LogNotifier.lines(all(vulnerableScan("e1")))).containsExactly(
                "scan registry.example.com/shop/payments:1.4.2@sha256:" + "a1".repeat(32)
                        + " linux/amd64: 3 vulnerabilities (critical 1, high 1, medium 0, low 1, other 0), 1 image checks, 1 secrets",
                "  CRITICAL CVE-2021-44228 org.apache.logging.log4j:log4j-core 2.14.1 -> 2.15.0  Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints",
                "  HIGH     CVE-2023-0286 libssl3 3.0.7-1 -> 3.0.8-1  X.400 address type confusion in X.509 GeneralName",
                "  LOW      CVE-2023-45853 zlib1g 1:1.2.13.dfsg-1 -> (no fix)  MiniZip integer overflow in zipOpenNewFileInZip4_64",
                "  check    LW-CONFIG-ROOT-USER MEDIUM Image runs as root",
                "  secret   aws-access-key-id HIGH in /app/.env:3");
    }

    @Test
    void failedScanIsOneLine() {
        assertThat(LogNotifier.lines(all(failedScan("e2")))).singleElement().asString().startsWith("scan FAILED registry.example.com/shop/payments:1.4.2");
    }
}
