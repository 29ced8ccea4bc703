/** What a scan finds, as every service sees it: vulnerabilities, secrets, risky settings, severities. */
package dev.layerwatch.common.finding;
