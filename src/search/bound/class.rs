//! nucleo's character classes and the bonus each pair of them gives, as tables.

/// nucleo's character classes, in its order (the order matters: "above `Delimiter`" is a word char).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Whitespace,
    NonWord,
    Delimiter,
    Lower,
    Upper,
    Letter,
    Number,
}

/// A char of a haystack: a byte of an ASCII one, or a `char`.
pub trait Unit: Copy + PartialEq {
    fn class(self) -> Class;
}

/// [`ascii_class`] for every ASCII byte.
pub(super) const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::NonWord; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_class(b as u8);
        b += 1;
    }
    table
};

/// nucleo's class of an ASCII byte.
pub(super) const fn ascii_class(b: u8) -> Class {
    match b {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Number,
        b' ' | b'\t' | b'\n' | b'\x0C' | b'\r' => Class::Whitespace,
        // Config::DEFAULT's delimiter_chars.
        b'/' | b',' | b':' | b';' | b'|' => Class::Delimiter,
        _ => Class::NonWord,
    }
}

impl Unit for u8 {
    fn class(self) -> Class {
        ASCII_CLASSES.get(usize::from(self)).copied().unwrap_or(Class::NonWord)
    }
}

#[cfg(test)]
pub(super) fn ascii_class_by_match(b: u8) -> Class {
    match b {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Number,
        c if c.is_ascii_whitespace() => Class::Whitespace,
        b'/' | b',' | b':' | b';' | b'|' => Class::Delimiter,
        _ => Class::NonWord,
    }
}

impl Unit for char {
    fn class(self) -> Class {
        if self.is_ascii() {
            return (self as u8).class();
        }
        if self.is_lowercase() {
            Class::Lower
        } else if nucleo_matcher::chars::is_upper_case(self) {
            Class::Upper
        } else if self.is_numeric() {
            Class::Number
        } else if self.is_alphabetic() {
            Class::Letter
        } else if self.is_whitespace() {
            Class::Whitespace
        } else {
            Class::NonWord
        }
    }
}

/// [`bonus`] for every pair of classes.
pub(super) const BONUSES: [[u32; 7]; 7] = {
    const CLASSES: [Class; 7] = [
        Class::Whitespace,
        Class::NonWord,
        Class::Delimiter,
        Class::Lower,
        Class::Upper,
        Class::Letter,
        Class::Number,
    ];
    let mut table = [[0; 7]; 7];
    let mut i = 0;
    while i < 7 {
        let mut j = 0;
        while j < 7 {
            table[i][j] = bonus(CLASSES[i], CLASSES[j]);
            j += 1;
        }
        i += 1;
    }
    table
};

/// `Config::bonus_for` with `Config::DEFAULT`.
pub(super) const fn bonus(prev: Class, class: Class) -> u32 {
    let (p, c) = (prev as u8, class as u8);
    if c > Class::Delimiter as u8 {
        match prev {
            Class::Whitespace => return 10,
            Class::Delimiter => return 9,
            Class::NonWord => return 8,
            _ => (),
        }
    }
    let (lower, upper, number) = (Class::Lower as u8, Class::Upper as u8, Class::Number as u8);
    if p == lower && c == upper || p != number && c == number {
        5
    } else if c == Class::Whitespace as u8 {
        10
    } else if c == Class::NonWord as u8 {
        8
    } else {
        0
    }
}

/// The bonus of the char at `p`; the text's start counts as whitespace (`initial_char_class`).
pub(super) fn bonus_at<T: Unit>(text: &[T], p: usize) -> u32 {
    let prev = if p == 0 { Class::Whitespace } else { text[p - 1].class() };
    BONUSES[prev as usize][text[p].class() as usize]
}
