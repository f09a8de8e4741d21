//! Stable sorting through one shared routine, for the app's download size.
//!
//! The standard library's `sort_by` is generic: it is compiled again for every element type and
//! every comparison closure, about 4 KB of wasm each time, and every copy is downloaded on a
//! first visit. These functions sort a list of positions with one non-generic routine (the
//! comparison is called through a `dyn` reference) and then move the items into that order, so
//! each call site costs only a few small generic pieces. They are as stable as `sort_by`. The
//! layout's hot loops and one-off unstable sorts of plain numbers keep `sort_unstable`.

use std::cmp::Ordering;

/// Sorts `items` like [`slice::sort_by`]: stable, by `compare`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let items = &*items;
        sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, &order);
}

/// Sorts `items` like [`slice::sort_by_key`]: stable, by the key of each item.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` puts the items at them: the one place a
/// standard sort is compiled for all of the above.
#[inline(never)]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the items so that the item at `order[i]` ends at `i`, following each cycle of the
/// permutation with swaps (no copies, no `Clone` needed).
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same order as the standard library's stable sort, for many lists: short, long,
    /// sorted, reversed, with many equal keys (where stability shows).
    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let mut lists: Vec<Vec<(u32, usize)>> = vec![
            vec![],
            vec![(1, 0)],
            vec![(2, 0), (1, 1)],
            (0..50).map(|i| (i, i as usize)).collect(),
            (0..50).rev().map(|i| (i, i as usize)).collect(),
        ];
        for len in [3, 7, 20, 100, 257] {
            for spread in [2, 5, 1000] {
                lists.push((0..len).map(|i| (next() % spread, i)).collect());
            }
        }
        for list in lists {
            // Sorted by the key only: equal keys must keep their first order (the .1 field).
            let mut expected = list.clone();
            expected.sort_by_key(|item| item.0);
            let mut ours = list.clone();
            sort_by_key(&mut ours, |item| item.0);
            assert_eq!(ours, expected, "by key, from {list:?}");

            let mut expected = list.clone();
            expected.sort_by_key(|item| std::cmp::Reverse(item.0));
            let mut ours = list.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            assert_eq!(ours, expected, "descending, from {list:?}");
        }
    }

    #[test]
    fn moves_items_that_cannot_be_copied() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "kiwi", "date"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
    }
}
