/** Generic webhooks for other tools: CloudEvents 1.0 structured JSON, signed with HMAC-SHA256 over the body. */
package dev.layerwatch.notify.webhook;
