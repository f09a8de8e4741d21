//! The backup file: everything the person stored, in one versioned document.
