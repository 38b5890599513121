//! painmap: a terminal atlas of myofascial trigger-point referral patterns.
#![forbid(unsafe_code)]

pub mod atlas;
pub mod body;
