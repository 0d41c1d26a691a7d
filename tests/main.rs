//! One integration-test binary (each extra binary would re-link Typst): the CLI end to end on the example
//! documents and on broken copies of them.

mod archive;
mod batch;
mod budget;
mod check;
mod clerk;
mod cli;
mod derive;
mod fill;
mod forms;
mod hostile;
mod render;
mod support;
mod tooling;
mod trust;
mod workbook;
