//! Two independent pieces of work on a long text, natively on two threads.
//!
//! Owns when a second thread is worth starting (a text of [`FROM_BYTES`] or more) and how it
//! falls back: in the browser build, for a shorter text, or when no thread can be started, the
//! calling thread does both pieces in turn. Callers split only work that shares nothing, so the
//! result never depends on which way it ran.

/// Texts this long or longer get a second thread: starting one costs tens of microseconds, about
/// 1 % of annotating 64 KB.
pub const FROM_BYTES: usize = 64 * 1024;

/// True when work on a text of `text_bytes` is worth splitting over two threads.
pub fn pays(text_bytes: usize) -> bool {
    !cfg!(target_arch = "wasm32") && text_bytes >= FROM_BYTES
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
    fn a_long_text_runs_the_second_piece_on_another_thread() {
        let here = std::thread::current().id();
        let (_, there) = join(FROM_BYTES, || (), || std::thread::current().id());
        assert_ne!(there, here);
        let (_, short) = join(FROM_BYTES - 1, || (), || std::thread::current().id());
        assert_eq!(short, here);
    }
}
