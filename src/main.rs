fn main() -> std::process::ExitCode {
    fouweb::cli::run()
}
