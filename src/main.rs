fn main() -> std::process::ExitCode {
    rumbo::cli::run()
}
