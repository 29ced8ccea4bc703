-- Release 2: the package and vulnerability questions get their own columns and indexes.
-- purl_name is the purl without version, qualifiers and subpath ("pkg:maven/org.apache.logging.log4j/log4j-core"):
-- backfilled here for every row release 1 stored, written by the consumer from now on.
ALTER TABLE inventory_packages ADD COLUMN purl_name text;
UPDATE inventory_packages
   SET purl_name = split_part(split_part(split_part(purl, '#', 1), '?', 1), '@', 1)
 WHERE purl IS NOT NULL;
CREATE INDEX inventory_packages_purl_name ON inventory_packages (purl_name, version);

CREATE INDEX findings_open_vulnerability ON findings (vulnerability_id) WHERE resolved_at IS NULL;
CREATE INDEX findings_aliases ON findings USING gin (aliases);
CREATE INDEX findings_image ON findings (image_id);
