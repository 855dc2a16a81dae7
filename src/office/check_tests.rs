use super::*;

fn good() -> Facts {
    Facts {
        tls_mode: TlsMode::VerifyFull,
        encrypted: Ok(true),
        server_version: Ok(150004),
        schema: Ok(migrate::latest()),
        roles: Ok((vec!["rumbo_counselor".into()], Some("kennedy-1".into()))),
        clock_skew: Ok(0.4),
        round_trip: Ok(Duration::from_millis(2)),
    }
}

fn levels(facts: &Facts) -> Vec<(Part, Level)> {
    verdicts(facts, Duration::from_millis(8), "kennedy-1").iter().map(|v| (v.part, v.level)).collect()
}

#[test]
fn a_healthy_link_gives_seven_ok_lines_in_the_issues_order() {
    let lines = verdicts(&good(), Duration::from_millis(8), "kennedy-1");
    assert_eq!(lines.iter().map(|v| v.part).collect::<Vec<_>>(), Part::ALL);
    assert!(lines.iter().all(|v| v.level == Level::Ok), "{lines:?}");
    assert_eq!(lines[1].detail, Detail::Verified);
    assert_eq!(lines[2].detail, Detail::Server { version: "PostgreSQL 15.4".into(), too_old: false });
}

#[test]
fn each_problem_is_flagged_on_its_own_line() {
    let level = |facts: Facts, part: Part| levels(&facts).into_iter().find(|(p, _)| *p == part).unwrap().1;
    assert_eq!(level(Facts { tls_mode: TlsMode::Require, ..good() }, Part::Tls), Level::Warning);
    assert_eq!(level(Facts { encrypted: Ok(false), ..good() }, Part::Tls), Level::Failure);
    assert_eq!(level(Facts { server_version: Ok(120010), ..good() }, Part::ServerVersion), Level::Failure);
    assert_eq!(level(Facts { schema: Ok(0), ..good() }, Part::Schema), Level::Failure);
    let newer = verdicts(&Facts { schema: Ok(migrate::latest() + 1), ..good() }, Duration::ZERO, "kennedy-1");
    assert!(matches!(newer[3].detail, Detail::SchemaNewer { .. }));
    assert_eq!(level(Facts { roles: Ok((vec![], None)), ..good() }, Part::Permissions), Level::Failure);
    let other_office = Facts { roles: Ok((vec!["rumbo_counselor".into()], Some("suba-2".into()))), ..good() };
    assert_eq!(level(other_office, Part::Permissions), Level::Failure);
    assert_eq!(level(Facts { clock_skew: Ok(-75.0), ..good() }, Part::ClockSkew), Level::Failure);
    assert_eq!(level(Facts { clock_skew: Ok(59.0), ..good() }, Part::ClockSkew), Level::Ok);
    let slow = Facts { round_trip: Ok(Duration::from_millis(120)), ..good() };
    assert_eq!(level(slow, Part::RoundTrip), Level::Warning);
    let broken = Facts { server_version: Err("permission denied".into()), ..good() };
    let lines = verdicts(&broken, Duration::ZERO, "kennedy-1");
    assert_eq!(lines[2].detail, Detail::Error("permission denied".into()));
    assert_eq!(lines.iter().filter(|v| v.level != Level::Ok).count(), 1, "the others still answered");
}
