//! A small seeded random source (SplitMix64): the same seed gives the same exercises and test points.

/// Deterministic pseudo-random numbers; not for anything secret.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A seed taken from the clock, for sessions that need not repeat.
    pub fn from_clock() -> Rng {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x5eed);
        Rng(nanos)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in `[low, high)`.
    pub fn float(&mut self, low: f64, high: f64) -> f64 {
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        low + unit * (high - low)
    }

    /// An integer in `[low, high]`.
    pub fn int(&mut self, low: i64, high: i64) -> i64 {
        let span = (high - low + 1).max(1) as u64;
        low + (self.next_u64() % span) as i64
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_repeats() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<i64> = (0..20).map(|_| a.int(1, 9)).collect();
        let ys: Vec<i64> = (0..20).map(|_| b.int(1, 9)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| (1..=9).contains(x)));
        assert!(xs.iter().any(|x| *x != xs[0]));
    }

    #[test]
    fn floats_stay_in_range() {
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| (-2.0..3.0).contains(&r.float(-2.0, 3.0))));
    }
}
