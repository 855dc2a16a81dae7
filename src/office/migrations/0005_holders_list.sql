-- 5: the start screen marks the sessions open at other desks ("abierta en ESCRITORIO-3"). One call lists
-- them for the desk's office: the rows of rumbo.session_holders whose lock is really held (pg_locks, as
-- rumbo.session_holder believes them), except the caller's own (its backend's).
CREATE FUNCTION rumbo.session_holders_here(p_office text)
    RETURNS TABLE (session_id text, desk text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rumbo
    AS $$
    SELECT h.session_id, h.desk
    FROM rumbo.session_holders h
    WHERE h.office_id = p_office AND rumbo.may_hold(p_office) AND h.backend_pid <> pg_backend_pid()
      AND rumbo.lock_is_held(h.lock_key, h.backend_pid)
    $$;

-- Not for the kiosk: it reads no sessions, so it learns no session ids here either.
REVOKE ALL ON FUNCTION rumbo.session_holders_here(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rumbo.session_holders_here(text) TO rumbo_counselor, rumbo_coordinator;
