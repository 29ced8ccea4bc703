package dev.layerwatch.notify.jira;

import static dev.layerwatch.notify.ScanFixtures.DIGEST_FIXED;
import static dev.layerwatch.notify.ScanFixtures.DIGEST_V2;
import static dev.layerwatch.notify.ScanFixtures.log4Shell;
import static dev.layerwatch.notify.ScanFixtures.scan;
import static dev.layerwatch.notify.ScanFixtures.vulnerableScan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerwatch.notify.GoldenJson;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraIssueFormatterTest {

    static final JiraProperties CLOUD = new JiraProperties(URI.create("http://127.0.0.1"), JiraFlavor.CLOUD, "a@b", "t", null,
            "SEC", null, null, null, List.of("container-scan"), true, null, "Fixed");
    static final JiraProperties DATA_CENTER = new JiraProperties(URI.create("http://127.0.0.1"), JiraFlavor.DATA_CENTER, null, null, "pat",
            "SEC", null, null, null, List.of("container-scan"), true, null, null);

    private static JiraTicket log4jTicket() {
        return JiraTickets.of(vulnerableScan("evt-1"), List.of(log4Shell()), JiraGrouping.REPOSITORY).getFirst();
    }

    @Test
    void cloudCreateHasAdfDescriptionLabelsAndPriority() {
        GoldenJson.assertMatches("jira-cloud-create-log4j.json",
                new JiraIssueFormatter(CLOUD).createIssue(vulnerableScan("evt-1"), log4jTicket()).toString());
    }

    @Test
    void dataCenterCreateHasWikiMarkupDescription() {
        GoldenJson.assertMatches("jira-dc-create-log4j.json",
                new JiraIssueFormatter(DATA_CENTER).createIssue(vulnerableScan("evt-1"), log4jTicket()).toString());
    }

    @Test
    void seenAgainCommentNamesTheNewImage() {
        GoldenJson.assertMatches("jira-cloud-comment-seen-again.json",
                new JiraIssueFormatter(CLOUD).seenAgainComment(scan("evt-3", "1.4.3", DIGEST_V2, List.of(log4Shell())), log4jTicket()).toString());
    }

    @Test
    void closeTransitionCarriesIdResolutionAndComment() {
        GoldenJson.assertMatches("jira-cloud-transition-close.json",
                new JiraIssueFormatter(CLOUD).closeTransition("31", scan("evt-4", "1.5.0", DIGEST_FIXED, List.of())).toString());
    }

    @Test
    void dataCenterTransitionWithoutResolutionSendsNoFields() {
        String body = new JiraIssueFormatter(DATA_CENTER).closeTransition("5", scan("evt-4", "1.5.0", DIGEST_FIXED, List.of())).toString();

        assertThat(body).doesNotContain("\"fields\"").contains("\"body\":\"No longer found in {{registry.example.com/shop/payments:1.5.0@");
    }
}
