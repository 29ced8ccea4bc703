-- Release 1 of the report store. Layer inventories are content-addressed: a layer's share of an image's packages
-- is stored once under the hash of (layer digest, packages), so images sharing base layers share their rows.

CREATE TABLE repositories (
    id          bigserial PRIMARY KEY,
    registry    text NOT NULL,
    name        text NOT NULL,
    UNIQUE (registry, name)
);

-- one platform image: a manifest digest in a repository (an index pushed once yields one row per platform)
CREATE TABLE images (
    id               bigserial PRIMARY KEY,
    repository_id    bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    digest           text NOT NULL,            -- as pushed: the index digest for a multi-platform image
    manifest_digest  text NOT NULL,            -- this platform's manifest
    platform         text,
    os_id            text,
    os_version       text,
    os_name          text,
    os_eol           boolean NOT NULL DEFAULT false,
    os_eol_date      date,
    first_seen       timestamptz NOT NULL,
    last_scanned_at  timestamptz NOT NULL,
    vulndb_version   text,
    scanner_version  text,
    UNIQUE (repository_id, manifest_digest)
);
CREATE INDEX images_digest ON images (digest);
CREATE INDEX images_manifest_digest ON images (manifest_digest);

-- every tag a digest was seen under, with when
CREATE TABLE tags (
    repository_id  bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    tag            text NOT NULL,
    digest         text NOT NULL,
    first_seen     timestamptz NOT NULL,
    last_seen      timestamptz NOT NULL,
    PRIMARY KEY (repository_id, tag, digest)
);

-- the newest scanned image of each (repository, tag, platform): what "current" means
CREATE TABLE tag_heads (
    repository_id  bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    tag            text NOT NULL,              -- '@<digest>' for an untagged push
    platform       text NOT NULL,
    image_id       bigint NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    scanned_at     timestamptz NOT NULL,
    PRIMARY KEY (repository_id, tag, platform)
);
CREATE INDEX tag_heads_image ON tag_heads (image_id);

CREATE TABLE layer_inventories (
    id             text PRIMARY KEY,           -- sha256 of the layer digest and its packages
    layer_digest   text NOT NULL,
    package_count  integer NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX layer_inventories_layer ON layer_inventories (layer_digest);

CREATE TABLE inventory_packages (
    inventory_id    text NOT NULL REFERENCES layer_inventories (id) ON DELETE CASCADE,
    ordinal         integer NOT NULL,
    type            text NOT NULL,
    name            text NOT NULL,
    version         text,
    purl            text,
    source_name     text,
    source_version  text,
    locations       text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (inventory_id, ordinal)
);

CREATE TABLE image_layers (
    image_id      bigint NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    inventory_id  text NOT NULL REFERENCES layer_inventories (id),
    PRIMARY KEY (image_id, position)
);
CREATE INDEX image_layers_inventory ON image_layers (inventory_id);

-- one row per stored scan result: the event id makes redelivery a no-op
CREATE TABLE scans (
    event_id         text PRIMARY KEY,
    causation_id     text,
    repository_id    bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    image_id         bigint REFERENCES images (id) ON DELETE CASCADE,
    tag              text,
    digest           text NOT NULL,
    platform         text,
    status           text NOT NULL,
    error            text,
    warnings         text[] NOT NULL DEFAULT '{}',
    package_count    integer NOT NULL DEFAULT 0,
    finding_count    integer NOT NULL DEFAULT 0,
    vulndb_version   text,
    scanner_version  text,
    scanned_at       timestamptz NOT NULL,
    stored_at        timestamptz NOT NULL
);
CREATE INDEX scans_repository_tag ON scans (repository_id, tag, scanned_at);

-- a finding's life per (repository, tag, platform, vulnerability, package location)
CREATE TABLE findings (
    id                  bigserial PRIMARY KEY,
    repository_id       bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    tag                 text NOT NULL,
    platform            text NOT NULL,
    vulnerability_id    text NOT NULL,
    package_location    text NOT NULL,
    aliases             text[] NOT NULL DEFAULT '{}',
    image_id            bigint NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    package_name        text NOT NULL,
    package_version     text,
    package_type        text,
    purl                text,
    layer_digest        text,
    severity            text NOT NULL,
    fixed_versions      text[] NOT NULL DEFAULT '{}',
    title               text,
    source              text,
    vulndb_version      text,
    first_seen          timestamptz NOT NULL,
    last_seen           timestamptz NOT NULL,
    fixable_since       timestamptz,
    resolved_at         timestamptz,
    resolution          text,                  -- fixed-by-push | advisory-withdrawn
    reintroduced_at     timestamptz,
    reintroduced_count  integer NOT NULL DEFAULT 0,
    UNIQUE (repository_id, tag, platform, vulnerability_id, package_location)
);

CREATE TABLE config_findings (
    image_id  bigint NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    rule_id   text NOT NULL,
    severity  text NOT NULL,
    title     text,
    detail    text,
    PRIMARY KEY (image_id, rule_id)
);

CREATE TABLE secret_findings (
    image_id  bigint NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    ordinal   integer NOT NULL,
    rule_id   text NOT NULL,
    severity  text NOT NULL,
    title     text,
    location  text,
    line      integer,
    layer     text,
    redacted  text,
    PRIMARY KEY (image_id, ordinal)
);
