//! A guidance session: the person, the marks, the shortlist, the notes; fit and gap; the store on disk.
