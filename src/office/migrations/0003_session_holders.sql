-- 2: one writer per session (issue 15). The lock itself is a session-level advisory lock on the desk's lock
-- connection (src/office/lock.rs derives its key from office id + session id); this table only says WHERE a
-- lock is held ("abierta en ESCRITORIO-3"). A row is believed only while its backend really holds that key
-- (pg_locks), so the row a dead desk leaves behind never blocks anyone: the next desk overwrites it.
CREATE TABLE rumbo.session_holders (
    office_id text NOT NULL,
    session_id text NOT NULL,
    desk text NOT NULL,
    since timestamptz NOT NULL DEFAULT now(),
    lock_key bigint NOT NULL,
    backend_pid integer NOT NULL,
    PRIMARY KEY (office_id, session_id)
);

-- Nobody touches the table itself: the functions below (run as their owner) do, so a kiosk, which reads no
-- sessions, learns no session ids from it either.
ALTER TABLE rumbo.session_holders ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON rumbo.session_holders FROM PUBLIC;

-- Whether the connected role may hold or ask about a session of this office: its own office, or any for a
-- coordinator.
CREATE FUNCTION rumbo.may_hold(p_office text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rumbo
    AS $$ SELECT p_office = rumbo.my_office() OR pg_has_role(session_user, 'rumbo_coordinator', 'MEMBER') $$;

-- Whether backend `p_pid` holds the session-level advisory lock `p_key` (pg_advisory_lock(bigint) shows in
-- pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1).
CREATE FUNCTION rumbo.lock_is_held(p_key bigint, p_pid integer) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rumbo
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.pid = p_pid AND l.objsubid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid = ((p_key >> 32) & 4294967295)::oid
          AND l.objid = (p_key & 4294967295)::oid)
    $$;

-- Called right after pg_try_advisory_lock succeeded: records this desk as the holder. Only the backend that
-- holds the key may, and only for a session of its office.
CREATE FUNCTION rumbo.hold_session(p_office text, p_session text, p_desk text, p_key bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, rumbo
    AS $$
BEGIN
    IF NOT rumbo.may_hold(p_office) THEN
        RAISE EXCEPTION 'rumbo: the session is not of this office' USING ERRCODE = '42501';
    END IF;
    IF NOT rumbo.lock_is_held(p_key, pg_backend_pid()) THEN
        RAISE EXCEPTION 'rumbo: this connection does not hold the session''s lock' USING ERRCODE = '55P03';
    END IF;
    -- Rows of this office whose lock is gone (dead desks) are of no use any more.
    DELETE FROM rumbo.session_holders h
        WHERE h.office_id = p_office AND NOT rumbo.lock_is_held(h.lock_key, h.backend_pid);
    INSERT INTO rumbo.session_holders (office_id, session_id, desk, since, lock_key, backend_pid)
        VALUES (p_office, p_session, p_desk, now(), p_key, pg_backend_pid())
        ON CONFLICT (office_id, session_id) DO UPDATE
        SET desk = excluded.desk, since = excluded.since, lock_key = excluded.lock_key,
            backend_pid = excluded.backend_pid;
END $$;

-- Where a session is open: the holder row, only if its backend still holds the lock (else no row).
CREATE FUNCTION rumbo.session_holder(p_office text, p_session text)
    RETURNS TABLE (desk text, since_ms bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rumbo
    AS $$
    SELECT h.desk, (extract(epoch FROM h.since) * 1000)::bigint
    FROM rumbo.session_holders h
    WHERE h.office_id = p_office AND h.session_id = p_session AND rumbo.may_hold(p_office)
      AND rumbo.lock_is_held(h.lock_key, h.backend_pid)
    $$;

-- Called before pg_advisory_unlock: forgets this backend's row (another backend's is left alone).
CREATE FUNCTION rumbo.release_session(p_office text, p_session text) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, rumbo
    AS $$
    DELETE FROM rumbo.session_holders
    WHERE office_id = p_office AND session_id = p_session AND backend_pid = pg_backend_pid()
    $$;

-- Functions are executable by PUBLIC by default: only rumbo's roles may use these. The kiosk holds its own
-- visit while the visitor is at it (a desk opening the code meanwhile sees "abierta en QUIOSCO-1").
REVOKE ALL ON FUNCTION rumbo.may_hold(text), rumbo.lock_is_held(bigint, integer),
    rumbo.hold_session(text, text, text, bigint), rumbo.session_holder(text, text),
    rumbo.release_session(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rumbo.hold_session(text, text, text, bigint), rumbo.session_holder(text, text),
    rumbo.release_session(text, text) TO rumbo_counselor, rumbo_kiosk, rumbo_coordinator;
