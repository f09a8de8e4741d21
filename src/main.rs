//! The browser entry point: everything else is in the library, so tests can mount it too.

fn main() {
    genie::start();
}
