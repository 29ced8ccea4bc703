/**
 * Who may post to a webhook source: per-source credentials ({@code layerwatch.ingest.<source>.token}) checked in
 * constant time by the scheme the sender supports (Authorization header, GitHub HMAC signature, JFrog secret header,
 * secret URL). A source without a credential is disabled.
 */
package dev.layerwatch.ingest.auth;
