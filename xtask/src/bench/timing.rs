//! Timing the benchmarks' commands: wall clock and CPU time of a child
//! process, and the median of the runs.

use std::process::{Command, Output};
use std::time::Instant;

use crate::process::run;

/// How long a command took: wall clock, and CPU time (user + system) of it
/// and everything it waited for, when the platform tells (Linux).
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Wall-clock seconds.
    pub wall: f64,
    /// CPU seconds, summed over cargo and every rustc it ran.
    pub cpu: Option<f64>,
}

/// Runs `command` and returns how long it took, with its output.
pub fn timed(command: Command) -> Result<(Timing, Output), String> {
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let output = run(command)?;
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_before
        .zip(children_cpu_seconds())
        .map(|(before, after)| after - before);
    Ok((Timing { wall, cpu }, output))
}

/// CPU seconds used by this process's finished children and their waited-for
/// descendants: `cutime + cstime` of `/proc/self/stat`, in USER_HZ (100 a
/// second on Linux). A shared machine slows a build's wall clock far more
/// than its CPU time, so both are reported.
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses: field 3 first.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<u64>().ok();
    Some((ticks(16)? + ticks(17)?) as f64 / 100.0)
}

/// A lap timer: each call returns the seconds since the previous call, the
/// first since the timer was made.
pub fn stopwatch() -> impl FnMut() -> f64 {
    let mut last = Instant::now();
    move || {
        let now = Instant::now();
        let seconds = (now - last).as_secs_f64();
        last = now;
        seconds
    }
}

/// The median of one measure, `pick`, over `samples`.
pub fn median_by<T>(samples: &[T], pick: impl Fn(&T) -> f64) -> f64 {
    median(&samples.iter().map(pick).collect::<Vec<_>>())
}

/// The median of `samples` (the mean of the middle two for an even count).
pub fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => f64::NAN,
        len if len % 2 == 1 => sorted[middle],
        _ => (sorted[middle - 1] + sorted[middle]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_takes_the_middle_sample() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    }
}
