//! Vector lengths without a call into the C maths library.
//!
//! `Vec2::length` calls libm's `hypotf`. On large maps that call, made for every line by the
//! link force on each tick and again by each scene refresh, cost more than the arithmetic
//! around it. glibc (2.35 and later, x86-64) computes a finite `hypotf` as the square root, in
//! double precision, of the sum of the exactly squared operands, rounded to `f32`. These
//! functions do the same inline, so layouts and scenes stay the same to the bit (tested
//! against `hypotf` where glibc is the maths library); non-finite input goes to `hypotf`.

use egui::Vec2;

/// `v.length()`, inline: the same value as glibc's `hypotf`.
#[inline]
pub fn length(v: Vec2) -> f32 {
    if v.x.is_finite() && v.y.is_finite() {
        let (x, y) = (f64::from(v.x), f64::from(v.y));
        (x * x + y * y).sqrt() as f32
    } else {
        v.x.hypot(v.y)
    }
}

/// `v.normalized()` (`v` itself when its length is not positive), with [`length`].
#[inline]
pub fn normalized(v: Vec2) -> Vec2 {
    let len = length(v);
    if len <= 0.0 { v } else { v / len }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values spread over every exponent, both signs, zeros, subnormals and the extremes.
    fn samples() -> Vec<f32> {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut out = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            f32::MIN_POSITIVE,
            1e-45,
            f32::MAX,
            f32::MIN,
            3.0,
            4.0,
        ];
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let v = f32::from_bits(seed as u32);
            if v.is_finite() {
                out.push(v);
            }
            // Map-sized numbers too, where layouts live.
            out.push(((seed >> 32) as u32 as f32 / u32::MAX as f32 - 0.5) * 2e4);
        }
        out
    }

    #[test]
    fn length_is_hypot_to_the_bit_on_glibc_and_close_elsewhere() {
        let xs = samples();
        let mut compared = 0;
        for (i, &x) in xs.iter().enumerate() {
            for &y in [xs[(i * 7 + 3) % xs.len()], xs[(i * 13 + 1) % xs.len()], x].iter() {
                let (ours, libm) = (length(Vec2::new(x, y)), Vec2::new(x, y).length());
                if cfg!(all(target_env = "gnu", target_arch = "x86_64")) {
                    assert_eq!(ours.to_bits(), libm.to_bits(), "hypot({x:e}, {y:e})");
                } else {
                    assert!((ours - libm).abs() <= libm * 2.0 * f32::EPSILON, "{x} {y}");
                }
                compared += 1;
            }
        }
        assert!(compared > 600_000);
        for (x, y) in [
            (f32::INFINITY, f32::NAN),
            (f32::NAN, 1.0),
            (f32::NEG_INFINITY, 0.0),
        ] {
            let (ours, libm) = (length(Vec2::new(x, y)), Vec2::new(x, y).length());
            assert_eq!(ours.to_bits(), libm.to_bits());
        }
    }

    #[test]
    fn normalized_matches_egui() {
        for v in [
            Vec2::new(3.0, 4.0),
            Vec2::ZERO,
            Vec2::new(-1e-30, 2e-30),
            Vec2::new(1e30, 1.0),
        ] {
            assert_eq!(normalized(v), v.normalized());
        }
    }
}
