package dev.layerwatch.notify.jira;

import static dev.layerwatch.notify.ScanFixtures.DIGEST_V2;
import static dev.layerwatch.notify.ScanFixtures.log4Shell;
import static dev.layerwatch.notify.ScanFixtures.opensslHigh;
import static dev.layerwatch.notify.ScanFixtures.scan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.common.finding.PackageRef;
import dev.layerwatch.common.finding.Severity;
import dev.layerwatch.common.finding.VulnerabilityFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraTicketsTest {

    @Test
    void repositoryGroupingGivesOneTicketPerVulnerabilityStableAcrossTagsAndDigests() {
        List<JiraTicket> first = JiraTickets.of(vulnerableScan("e1"), vulnerableScan("e1").findings(), JiraGrouping.REPOSITORY);
        List<JiraTicket> again = JiraTickets.of(scan("e2", "2.0", DIGEST_V2, List.of(log4Shell())), List.of(log4Shell()), JiraGrouping.REPOSITORY);

        assertThat(first).hasSize(3);
        assertThat(again.getFirst().fingerprintLabel())
                .isEqualTo(first.stream().filter(t -> "CVE-2021-44228".equals(t.vulnerabilityId())).findFirst().orElseThrow().fingerprintLabel())
                .matches("lw-fp-[0-9a-f]{24}");
    }

    @Test
    void oneVulnerabilityInTwoPackagesIsOneTicketWithTheHighestSeverity() {
        VulnerabilityFinding api = new VulnerabilityFinding("CVE-2021-44228", List.of(), new PackageRef("log4j-api", "2.14.1", "maven", null),
                List.of("2.15.0"), Severity.HIGH, null, null, "osv:Maven", null, "fp-api");

        List<JiraTicket> tickets = JiraTickets.of(vulnerableScan("e1"), List.of(api, log4Shell()), JiraGrouping.REPOSITORY);

        assertThat(tickets).singleElement().satisfies(t -> {
            assertThat(t.findings()).hasSize(2);
            assertThat(t.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void imageGroupingGivesOneTicketPerDigest() {
        List<JiraTicket> v1 = JiraTickets.of(vulnerableScan("e1"), List.of(log4Shell(), opensslHigh()), JiraGrouping.IMAGE);
        List<JiraTicket> v2 = JiraTickets.of(scan("e2", "2.0", DIGEST_V2, List.of(log4Shell())), List.of(log4Shell()), JiraGrouping.IMAGE);

        assertThat(v1).singleElement().satisfies(t -> assertThat(t.vulnerabilityId()).isNull());
        assertThat(v1.getFirst().fingerprintLabel()).isNotEqualTo(v2.getFirst().fingerprintLabel());
        assertThat(v1.getFirst().repositoryLabel()).isEqualTo(v2.getFirst().repositoryLabel());
    }

    @Test
    void noFindingsNoTickets() {
        assertThat(JiraTickets.of(vulnerableScan("e1"), List.of(), JiraGrouping.IMAGE)).isEmpty();
    }
}
