package dev.layerwatch.common.startup;

import java.util.List;

/**
 * One part of the start-up summary a service contributes (a Spring bean in each service): what it will listen to,
 * contact or send, as the operator needs to know it: {@code sources: distribution, harbor}, {@code vulnerability DB:
 * none (…)}.
 */
public interface StartupFact {

    /** {@code label: value} lines, in the order to show them. */
    List<String> lines();
}
