//! Choropleth classes: a few ranges of report counts, computed from the counts a chart shows,
//! and the colour step of each. Owns the rule "at most five classes, quantiles of the non-zero
//! counts, every class a contiguous range from 1 to the largest count; the darkest step is
//! always the largest class". Zero is its own neutral class, step 0.

use serde::Serialize;

/// The most shaded classes a chart has (and the colour steps of the theme: c1 … c5).
pub const STEPS: u32 = 5;

/// One class as the legend shows it: counts `from`–`to`, drawn in colour step `step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Class {
    pub from: u32,
    pub to: u32,
    pub step: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classes {
    /// The largest count of each class, ascending.
    uppers: Vec<u32>,
}

impl Classes {
    /// Classes for `counts` (zeros are ignored): one per distinct count when there are at most
    /// [`STEPS`] of them, else quantiles, so that the areas spread over the classes.
    pub fn new(counts: impl IntoIterator<Item = u32>) -> Classes {
        let mut values: Vec<u32> = counts.into_iter().filter(|&n| n > 0).collect();
        values.sort_unstable();
        let mut distinct = values.clone();
        distinct.dedup();
        let uppers = if distinct.len() <= STEPS as usize {
            distinct
        } else {
            let n = values.len();
            let mut uppers: Vec<u32> = (1..=STEPS as usize)
                .map(|k| values[(k * n).div_ceil(STEPS as usize) - 1])
                .collect();
            uppers.dedup();
            uppers
        };
        Classes { uppers }
    }

    /// The colour step of `count`: 0 for none, else its class's step.
    pub fn step(&self, count: u32) -> u32 {
        if count == 0 {
            return 0;
        }
        let class = self.uppers.partition_point(|&upper| upper < count);
        self.step_of(class.min(self.uppers.len().saturating_sub(1)))
    }

    /// Spread over the steps so that the largest class is always the darkest.
    fn step_of(&self, class: usize) -> u32 {
        let n = self.uppers.len() as u32;
        ((class as u32 + 1) * STEPS).div_ceil(n.max(1))
    }

    /// The classes, lowest first: contiguous ranges from 1 to the largest count.
    pub fn legend(&self) -> Vec<Class> {
        let mut from = 1;
        self.uppers
            .iter()
            .enumerate()
            .map(|(i, &to)| {
                let class = Class {
                    from,
                    to,
                    step: self.step_of(i),
                };
                from = to + 1;
                class
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(classes: &Classes) -> Vec<(u32, u32, u32)> {
        classes
            .legend()
            .iter()
            .map(|c| (c.from, c.to, c.step))
            .collect()
    }

    #[test]
    fn few_distinct_counts_are_a_class_each_and_the_largest_is_darkest() {
        let classes = Classes::new([0, 1, 3, 3, 0, 7]);
        assert_eq!(ranges(&classes), [(1, 1, 2), (2, 3, 4), (4, 7, 5)]);
        assert_eq!(classes.step(0), 0);
        assert_eq!(classes.step(1), 2);
        assert_eq!(classes.step(3), 4);
        assert_eq!(classes.step(7), 5);
        let single = Classes::new([2, 2]);
        assert_eq!(ranges(&single), [(1, 2, 5)]);
    }

    #[test]
    fn many_counts_become_five_quantile_classes() {
        let counts: Vec<u32> = (1..=20).collect();
        let classes = Classes::new(counts.iter().copied());
        assert_eq!(
            ranges(&classes),
            [(1, 4, 1), (5, 8, 2), (9, 12, 3), (13, 16, 4), (17, 20, 5)]
        );
        // Every count falls in the class whose range holds it.
        for n in counts {
            let class = classes
                .legend()
                .into_iter()
                .find(|c| c.from <= n && n <= c.to);
            assert_eq!(classes.step(n), class.unwrap().step, "{n}");
        }
    }

    #[test]
    fn skewed_counts_keep_classes_distinct() {
        let classes = Classes::new([1, 1, 1, 1, 1, 1, 1, 2, 3, 50, 400]);
        let legend = classes.legend();
        assert!(legend.len() <= STEPS as usize);
        assert_eq!(legend.first().map(|c| c.from), Some(1));
        assert_eq!(legend.last().map(|c| (c.to, c.step)), Some((400, 5)));
        for pair in legend.windows(2) {
            assert_eq!(pair[0].to + 1, pair[1].from);
            assert!(pair[0].step < pair[1].step);
        }
    }

    #[test]
    fn no_counts_no_classes() {
        let classes = Classes::new([0, 0]);
        assert!(classes.legend().is_empty());
        assert_eq!(classes.step(0), 0);
    }
}
