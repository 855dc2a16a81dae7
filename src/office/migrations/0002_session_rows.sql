-- 2: what a desk needs of a row without reading its body. `format` is the session's own format number
-- (docs/versions.md): a desk refuses to overwrite a row newer than it understands. `code` is the kiosk's
-- desk code (the id's first six letters, in capitals), for "kiosk to desk".
ALTER TABLE rumbo.sessions
    ADD COLUMN format integer NOT NULL DEFAULT 1,
    ADD COLUMN code text NOT NULL DEFAULT '';
CREATE INDEX sessions_office_code ON rumbo.sessions (office_id, code);
