-- 4: deletion everywhere (issue 15). Deleting a session removes its row and leaves a mark here; every desk
-- applies the marks when it next connects: it removes its own copy of the session (file, journal) and the
-- exports it recorded, so a desk that was off or offline keeps nothing of a person deleted elsewhere, and
-- never sends the session back. A mark holds only ids, no personal data; marks go with retention.
CREATE TABLE rumbo.deleted_sessions (
    office_id text NOT NULL,
    session_id text NOT NULL,
    desk text NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (office_id, session_id)
);

ALTER TABLE rumbo.deleted_sessions ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON rumbo.deleted_sessions FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON rumbo.deleted_sessions TO rumbo_counselor, rumbo_coordinator;
CREATE POLICY counselor_own_office ON rumbo.deleted_sessions TO rumbo_counselor
    USING (office_id = rumbo.my_office()) WITH CHECK (office_id = rumbo.my_office());
CREATE POLICY coordinator_all ON rumbo.deleted_sessions TO rumbo_coordinator USING (true) WITH CHECK (true);
