fn main() -> std::process::ExitCode {
    fouweb::cli::run()
}

// Rendering allocates many short-lived strings on several threads; mimalloc handles that
// pattern markedly faster than the system allocator (see README, Performance).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
