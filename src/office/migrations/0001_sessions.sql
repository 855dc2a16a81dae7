-- 1: the sessions of every desk of every office, and who may see which (issue 15, "Who sees what").
-- Group roles (NOLOGIN) are created once per server; IT makes each desk's, kiosk's and coordinator's login
-- role a member of one of them and maps it to its office in rumbo.members (docs/office.md).
DO $$ BEGIN CREATE ROLE rumbo_counselor NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE rumbo_kiosk NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE rumbo_coordinator NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

-- Which office a login role belongs to: the server decides, not the desk's config.ron.
CREATE TABLE rumbo.members (
    role_name name PRIMARY KEY,
    office_id text NOT NULL
);

-- The office of the connected login role, for the policies; SECURITY DEFINER so that no role needs to read
-- rumbo.members itself (a kiosk learns nothing from it).
CREATE FUNCTION rumbo.my_office() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rumbo
    AS $$ SELECT office_id FROM rumbo.members WHERE role_name = session_user $$;

CREATE TABLE rumbo.sessions (
    id text PRIMARY KEY,
    office_id text NOT NULL,
    -- The desk (or kiosk) that last wrote it: "abierta en ESCRITORIO-3".
    desk text NOT NULL,
    -- The session as rumbo saves it locally (its own versioned RON format), so no field a newer desk
    -- wrote is lost by an older one.
    body text NOT NULL,
    revision bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_office_updated ON rumbo.sessions (office_id, updated_at);

ALTER TABLE rumbo.sessions ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON rumbo.sessions, rumbo.members FROM PUBLIC;
REVOKE ALL ON FUNCTION rumbo.my_office() FROM PUBLIC;
GRANT USAGE ON SCHEMA rumbo TO rumbo_counselor, rumbo_kiosk, rumbo_coordinator;
GRANT EXECUTE ON FUNCTION rumbo.my_office() TO rumbo_counselor, rumbo_kiosk, rumbo_coordinator;
-- Every desk checks the schema's version before it writes (an older desk must not).
GRANT SELECT ON rumbo.schema_version TO rumbo_counselor, rumbo_kiosk, rumbo_coordinator;

-- A counselor: its own office's sessions, nothing else.
GRANT SELECT, INSERT, UPDATE, DELETE ON rumbo.sessions TO rumbo_counselor;
CREATE POLICY counselor_own_office ON rumbo.sessions TO rumbo_counselor
    USING (office_id = rumbo.my_office()) WITH CHECK (office_id = rumbo.my_office());

-- A kiosk: writes its own office's visits, reads none (no SELECT at all).
GRANT INSERT ON rumbo.sessions TO rumbo_kiosk;
CREATE POLICY kiosk_writes_visits ON rumbo.sessions FOR INSERT TO rumbo_kiosk
    WITH CHECK (office_id = rumbo.my_office());

-- A coordinator: every office (`--all-offices`).
GRANT SELECT, INSERT, UPDATE, DELETE ON rumbo.sessions TO rumbo_coordinator;
CREATE POLICY coordinator_all ON rumbo.sessions TO rumbo_coordinator USING (true) WITH CHECK (true);
