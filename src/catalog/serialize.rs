//! The catalog types whose RON text leaves out what is absent (fields a newer format added, left
//! empty), so the generated CUOC catalog keeps its bytes and a hand-written file its look, while a
//! binary form (postcard: not human-readable, no field names, not self-describing) always gets every
//! field, in order. Build.rs includes this file too.

use super::model::{Code, Competency, Occupation, Program};
use serde::Serialize;
use serde::ser::SerializeStruct;

/// By hand for the same reason as [`Code`]'s: `interests` (format 4), when absent, stays out of the
/// RON text; in it, a profile is written plainly, without `Some(…)`.
impl Serialize for Occupation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let all = !serializer.is_human_readable();
        let with = usize::from(all || self.interests.is_some());
        let mut st = serializer.serialize_struct("Occupation", 12 + with)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("sector", &self.sector)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("description", &self.description)?;
        st.serialize_field("codes", &self.codes)?;
        st.serialize_field("functions", &self.functions)?;
        st.serialize_field("competencies", &self.competencies)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("alt_titles", &self.alt_titles)?;
        st.serialize_field("related", &self.related)?;
        st.serialize_field("level", &self.level)?;
        st.serialize_field("secondary_sectors", &self.secondary_sectors)?;
        detail(&mut st, all, "interests", &self.interests)?;
        st.end()
    }
}

/// Written by hand so a field format 2 added and left empty stays out of the RON text (the generated
/// CUOC catalog keeps its bytes, a hand-written file its look), while a binary form (postcard, which
/// is not human-readable and has no field names) always gets every field, in order.
impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let all = !serializer.is_human_readable();
        let with_source = all || !self.source.is_empty();
        let mut st = serializer.serialize_struct("Code", 3 + usize::from(with_source))?;
        st.serialize_field("system", &self.system)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("partial", &self.partial)?;
        if with_source {
            st.serialize_field("source", &self.source)?;
        }
        st.end()
    }
}

/// By hand for the same reason as [`Code`]'s: `same_as` left empty stays out of the RON text.
impl Serialize for Competency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let all = !serializer.is_human_readable();
        let with_same = all || !self.same_as.is_empty();
        let mut st = serializer.serialize_struct("Competency", 5 + usize::from(with_same))?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("description", &self.description)?;
        st.serialize_field("source", &self.source)?;
        if with_same {
            st.serialize_field("same_as", &self.same_as)?;
        }
        st.end()
    }
}

/// By hand for the same reason as [`Code`]'s: details format 3 added and left out stay out of the RON
/// text, written plainly (no `Some(…)`) when given.
impl Serialize for Program {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let all = !serializer.is_human_readable();
        let given = self.detail_texts().iter().filter(|(_, v)| v.is_some()).count()
            + usize::from(self.modality.is_some());
        let mut st = serializer.serialize_struct("Program", 7 + if all { 7 } else { given })?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("institution", &self.institution)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("level", &self.level)?;
        st.serialize_field("occupations", &self.occupations)?;
        st.serialize_field("link", &self.link)?;
        st.serialize_field("source", &self.source)?;
        let [url, contact, duration, cost, requirements, schedule] = self.detail_texts();
        for (name, value) in [url, contact, duration] {
            detail(&mut st, all, name, value)?;
        }
        detail(&mut st, all, "modality", &self.modality)?;
        for (name, value) in [cost, requirements, schedule] {
            detail(&mut st, all, name, value)?;
        }
        st.end()
    }
}

/// One optional detail: always (as an `Option`) in binary, else only when given and without `Some`.
fn detail<S: serde::ser::SerializeStruct, T: Serialize>(
    st: &mut S,
    all: bool,
    name: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    match value {
        _ if all => st.serialize_field(name, value),
        Some(v) => st.serialize_field(name, v),
        None => st.skip_field(name),
    }
}
