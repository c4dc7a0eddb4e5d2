//! Undo and redo over the page's state (plain Rust, tested natively).
//!
//! A discrete change (an example, a fix, a card added, a tab) is one step; typing in one field
//! is one step until the typing moves to another field or a discrete change comes between.
//! Recording a change that continues the current typing step costs nothing: the state before a
//! step is cloned only when the step begins.

/// A field being typed in: its name, and which server card (0 for the others).
pub type Typing = (&'static str, usize);

/// The steps before and after the current state.
#[derive(Debug, Clone)]
pub struct Undo<T> {
    past: Vec<T>,
    future: Vec<T>,
    /// The field the current typing step is in.
    typing: Option<Typing>,
    limit: usize,
}

impl<T> Default for Undo<T> {
    fn default() -> Self {
        Self::new(200)
    }
}

impl<T> Undo<T> {
    /// Keeps at most `limit` steps to undo.
    pub fn new(limit: usize) -> Self {
        Self {
            past: Vec::new(),
            future: Vec::new(),
            typing: None,
            limit: limit.max(1),
        }
    }

    /// Before a change: `typing` names the field for typing (consecutive changes in one field
    /// join one step), `None` for a discrete change. `before` is called only when a step
    /// begins. Returns whether one began.
    pub fn record(&mut self, typing: Option<Typing>, before: impl FnOnce() -> T) -> bool {
        if typing.is_some() && typing == self.typing {
            return false;
        }
        self.typing = typing;
        self.future.clear();
        if self.past.len() == self.limit {
            self.past.remove(0);
        }
        self.past.push(before());
        true
    }

    /// The state to go back to; `current` becomes the step to redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let back = self.past.pop()?;
        self.future.push(current);
        self.typing = None;
        Some(back)
    }

    /// The state to go forward to; `current` becomes the step to undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let forward = self.future.pop()?;
        self.past.push(current);
        self.typing = None;
        Some(forward)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut u = Undo::default();
        let mut state = String::new();
        for c in "abc".chars() {
            let before = state.clone();
            u.record(Some(("RegionId", 0)), || before);
            state.push(c);
        }
        assert_eq!(u.past, vec![String::new()]);
        // Another field begins another step; a discrete change too.
        assert!(u.record(Some(("LoadBalancerId", 0)), || "abc".to_owned()));
        assert!(u.record(None, || "abcd".to_owned()));
        assert!(u.record(None, || "abcde".to_owned()));
        assert_eq!(u.undo("now".to_owned()).as_deref(), Some("abcde"));
        assert_eq!(u.undo("abcde".to_owned()).as_deref(), Some("abcd"));
        assert_eq!(u.redo("abcd".to_owned()).as_deref(), Some("abcde"));
        assert!(u.can_redo());
        // A new change forgets what could be redone.
        u.record(None, || "abcde".to_owned());
        assert!(!u.can_redo());
        assert_eq!(u.redo("x".to_owned()), None);
    }

    #[test]
    fn typing_after_undo_is_a_new_step() {
        let mut u = Undo::default();
        u.record(Some(("f", 0)), || 0);
        assert_eq!(u.undo(1), Some(0));
        assert!(u.record(Some(("f", 0)), || 0));
        assert_eq!(u.past, vec![0]);
        // The same field on another card is another step.
        assert!(u.record(Some(("f", 1)), || 1));
    }

    #[test]
    fn the_oldest_step_goes_first() {
        let mut u = Undo::new(2);
        for i in 0..5 {
            u.record(None, || i);
        }
        assert_eq!(u.past, vec![3, 4]);
        assert_eq!(u.undo(5), Some(4));
        assert_eq!(u.undo(4), Some(3));
        assert_eq!(u.undo(3), None);
        assert!(!u.can_undo());
    }

    #[test]
    fn before_is_only_called_when_a_step_begins() {
        let mut u: Undo<u8> = Undo::default();
        assert!(u.record(Some(("f", 0)), || 1));
        assert!(!u.record(Some(("f", 0)), || unreachable!("no clone while typing on")));
    }
}
