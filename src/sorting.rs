//! One sort for the whole crate: items ordered by a key of three integers.
//!
//! Each standard-library sort call with its own element type or key closure compiles the whole
//! sorting algorithm again (a few thousand WebAssembly instructions each). In the browser build
//! every call here sorts the same thing, `(key, position)` pairs, and then moves the items into
//! that order, so the algorithm is compiled once; natively it is the standard stable sort. Either
//! way equal keys keep their order. (A plain list of numbers, such as the offsets `export`
//! converts, is faster sorted directly, for one more instance.)

/// What items are sorted by, compared field by field: `(span.start, span.end, 0)`, say.
pub type SortKey = (usize, usize, usize);

/// Sorts `items` by `key`, keeping items with equal keys in their order.
pub fn sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> SortKey) {
    // Natively code size hardly matters: the standard stable sort, which orders alike.
    if cfg!(not(target_arch = "wasm32")) {
        return items.sort_by_key(key);
    }
    shared_sort_by_key(items, key);
}

/// [`sort_by_key`] through the one shared instance of the sort.
fn shared_sort_by_key<T>(items: &mut [T], key: impl Fn(&T) -> SortKey) {
    if items.len() < 2 {
        return;
    }
    let mut keyed: Vec<(SortKey, usize)> = items
        .iter()
        .enumerate()
        .map(|(at, item)| (key(item), at))
        .collect();
    keyed.sort_unstable();
    // Position k takes the item now at `from[k]`: each cycle of that permutation is followed
    // once, with swaps.
    let mut from: Vec<usize> = keyed.into_iter().map(|(_, at)| at).collect();
    for start in 0..items.len() {
        let mut k = start;
        loop {
            let j = from[k];
            from[k] = k;
            if j == start {
                break;
            }
            items.swap(k, j);
            k = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_ties_in_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        shared_sort_by_key(&mut items, |&(n, _)| (n, 0, 0));
        assert_eq!(
            items,
            [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'f'), (3, 'a'), (3, 'c')]
        );
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        // Every permutation-cycle shape: a pseudo-random sequence with many repeated keys.
        let mut seed = 12345u64;
        for len in 0..200 {
            let items: Vec<(usize, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 33) as usize % 17, i)
                })
                .collect();
            let mut ours = items.clone();
            shared_sort_by_key(&mut ours, |&(k, _)| (k, 0, 0));
            let mut theirs = items;
            theirs.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, theirs, "length {len}");
        }
    }
}
