package dev.layerwatch.notify.jira;

import dev.layerwatch.common.event.ScanCompleted;
import dev.layerwatch.notify.delivery.DeliveryLedger;
import dev.layerwatch.notify.delivery.Notifier;
import dev.layerwatch.notify.delivery.NotifyHttpTransport;
import dev.layerwatch.notify.routing.ChannelKind;
import dev.layerwatch.notify.routing.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket lifecycle. For each ticket of a scan: known key (Redis) or a label search (Jira, the
 * source of truth) or create; a ticket already filed and now seen in another image gets a comment.
 * With {@code close-when-fixed}, a repository's open tickets that the newest scan no longer shows are
 * transitioned. Every step is safe to repeat after a failure part-way through.
 */
public final class JiraNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(JiraNotifier.class);

    private final JiraProperties properties;
    private final JiraRestClient client;
    private final JiraIssueFormatter formatter;
    private final DeliveryLedger ledger;

    public JiraNotifier(JiraProperties properties, NotifyHttpTransport http, DeliveryLedger ledger) {
        this.properties = properties;
        this.client = new JiraRestClient(http, properties);
        this.formatter = new JiraIssueFormatter(properties);
        this.ledger = ledger;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.JIRA;
    }

    @Override
    public boolean announcesChangesOnly() {
        return false;
    }

    @Override
    public void deliver(Notification n) {
        ScanCompleted scan = n.scan();
        List<JiraTicket> tickets = JiraTickets.of(scan, n.vulnerabilities(), properties.grouping());
        // tag and digest: the same image pushed under a second tag is "seen again" too
        String imageKey = scan.image() + (scan.platform() == null ? "" : "|" + scan.platform());
        for (JiraTicket ticket : tickets) {
            Optional<String> existing = knownKey(ticket);
            if (existing.isEmpty()) {
                String key = client.create(formatter.createIssue(scan, ticket));
                ledger.recordState(stateKey(ticket), key);
                ledger.addToSet("jira-images:" + ticket.fingerprintLabel(), imageKey);
                LOG.info("filed Jira {} for {} in {}", key, ticket.vulnerabilityId() == null ? "image" : ticket.vulnerabilityId(), scan.image());
            } else if (ledger.addToSet("jira-images:" + ticket.fingerprintLabel(), imageKey)) {
                try {
                    client.comment(existing.get(), formatter.seenAgainComment(scan, ticket));
                } catch (RuntimeException e) {
                    ledger.removeFromSet("jira-images:" + ticket.fingerprintLabel(), imageKey);
                    throw e;
                }
            }
        }
        // a scan that was not checked or not complete proves nothing is fixed: it never closes tickets
        boolean conclusive = scan.vulnerabilityStatus().checked() && scan.outcome().complete();
        if (!conclusive) {
            LOG.info("not closing Jira tickets for {}: {}", scan.image(),
                    scan.outcome().complete() ? "vulnerabilities not checked (" + scan.vulnerabilityStatus().detail() + ")" : scan.outcome().describe());
        }
        if (conclusive && properties.closeWhenFixed() && properties.grouping() == JiraGrouping.REPOSITORY && isNewestScan(scan)) {
            closeGone(scan, tickets.stream().map(JiraTicket::fingerprintLabel).collect(Collectors.toSet()));
        }
    }

    private Optional<String> knownKey(JiraTicket ticket) {
        String key = ledger.state(stateKey(ticket));
        if (key != null) {
            return Optional.of(key);
        }
        List<JiraIssue> found = client.search(jql("labels = \"" + ticket.fingerprintLabel() + "\"") + " ORDER BY created ASC");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ledger.recordState(stateKey(ticket), found.getFirst().key());
        return Optional.of(found.getFirst().key());
    }

    private void closeGone(ScanCompleted scan, Set<String> present) {
        String repoLabel = JiraTickets.repositoryLabel(scan);
        for (JiraIssue issue : client.search(jql("labels = \"" + repoLabel + "\" AND statusCategory != Done"))) {
            if (issue.done() || issue.labels().stream().anyMatch(present::contains)) {
                continue;
            }
            Optional<String> id = client.transitionId(issue.key(), properties.closeTransition());
            if (id.isEmpty()) {
                LOG.warn("cannot close Jira {}: no transition named '{}' available", issue.key(), properties.closeTransition());
                continue;
            }
            client.transition(issue.key(), formatter.closeTransition(id.get(), scan));
            LOG.info("closed Jira {}: no longer found in {}", issue.key(), scan.image());
        }
    }

    /** Scans can finish out of order; only the newest scan of a repository may close its tickets. */
    private boolean isNewestScan(ScanCompleted scan) {
        if (scan.scannedAt() == null) {
            return false;
        }
        String key = "jira-last-scan:" + scan.registry() + "/" + scan.repository();
        String last = ledger.state(key);
        if (last != null && Instant.parse(last).isAfter(scan.scannedAt())) {
            return false;
        }
        ledger.recordState(key, scan.scannedAt().toString());
        return true;
    }

    private String jql(String condition) {
        return "project = \"" + properties.projectKey() + "\" AND " + condition;
    }

    private String stateKey(JiraTicket ticket) {
        return "jira-key:" + properties.projectKey() + ":" + ticket.fingerprintLabel();
    }
}
