//! Two independent pieces of work on a long text, natively on two threads.
//!
//! Owns when a second thread is worth starting (a text of [`FROM_BYTES`] or more) and how it
//! falls back: in the browser build, for a shorter text, or when no thread can be started, the
//! calling thread does both pieces in turn. Callers split only work that shares nothing, so the
//! result never depends on which way it ran.

use crate::span::Span;

/// Texts this long or longer get a second thread: starting one costs tens of microseconds, about
/// 1 % of annotating 64 KB.
pub const FROM_BYTES: usize = 64 * 1024;

/// True when work on a text of `text_bytes` is worth splitting over two threads.
pub fn pays(text_bytes: usize) -> bool {
    !cfg!(target_arch = "wasm32") && text_bytes >= FROM_BYTES
}

/// The index of the first of `paragraphs` (in order, of a text of `text_bytes`) that starts at or
/// after byte `there_from`, for work split by paragraph: those from it on go to the second thread.
/// All stay here (the index is their count) when a second thread does not pay.
pub fn first_paragraph_there(paragraphs: &[Span], text_bytes: usize, there_from: usize) -> usize {
    if !pays(text_bytes) {
        return paragraphs.len();
    }
    paragraphs.partition_point(|p| p.start < there_from)
}

/// `(here(), there())` for a text of `text_bytes`: `there` on a second thread when that pays.
/// (`there` is `Fn`, borrowed by the thread, so that it can still run here should the thread not
/// start.)
pub fn join<A, B: Send>(
    text_bytes: usize,
    here: impl FnOnce() -> A,
    there: impl Fn() -> B + Sync,
) -> (A, B) {
    if !pays(text_bytes) {
        let a = here();
        return (a, there());
    }
    std::thread::scope(|scope| {
        let second = std::thread::Builder::new()
            .name("annotate-second".into())
            .spawn_scoped(scope, &there);
        let a = here();
        let b = match second {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => there(),
        };
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_pieces_run_whatever_the_length() {
        for bytes in [0, FROM_BYTES - 1, FROM_BYTES, 10 * FROM_BYTES] {
            assert_eq!(join(bytes, || 1 + 1, || "two".len()), (2, 3));
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn paragraphs_split_at_a_byte_only_when_a_second_thread_pays() {
        let paragraphs: Vec<Span> = (0..4).map(|k| Span::new(k * 100, k * 100 + 90)).collect();
        assert_eq!(first_paragraph_there(&paragraphs, FROM_BYTES, 150), 2);
        assert_eq!(first_paragraph_there(&paragraphs, FROM_BYTES, 200), 2);
        assert_eq!(first_paragraph_there(&paragraphs, FROM_BYTES - 1, 150), 4);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn a_long_text_runs_the_second_piece_on_another_thread() {
        let here = std::thread::current().id();
        let (_, there) = join(FROM_BYTES, || (), || std::thread::current().id());
        assert_ne!(there, here);
        let (_, short) = join(FROM_BYTES - 1, || (), || std::thread::current().id());
        assert_eq!(short, here);
    }
}
