//! Reading a hand-over's compressed backup. The sending browser compresses with its own
//! `CompressionStream("deflate-raw")` when it has one and says so in the frame's flags; the
//! receiving side reads raw deflate here, so a phone whose browser has no
//! `DecompressionStream` still takes in a compressed hand-over. The output is bounded, so a
//! forged frame cannot fill the phone's memory.

/// No hand-over's backup comes near this (60 members with positions is about 40 KB).
pub const MAX_INFLATED: usize = 16 * 1024 * 1024;

/// Why compressed bytes could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InflateError {
    #[error("not raw deflate data, or cut short")]
    Damaged,
    #[error("it would unpack to more than {MAX_INFLATED} bytes")]
    TooBig,
}

/// The bytes a raw deflate stream (no zlib or gzip header) holds.
pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, InflateError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_INFLATED).map_err(|error| {
        match error.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => InflateError::TooBig,
            _ => InflateError::Damaged,
        }
    })
}
