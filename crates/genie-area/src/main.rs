//! `genie-area check <folder>`: checks an area folder before it is published.

fn main() {}
