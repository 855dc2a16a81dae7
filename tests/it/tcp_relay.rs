//! A TCP relay between one desk and the tests' server that the test can cut and restore: that desk goes
//! offline (its connections closed, new ones refused, as a pulled cable then a dead switch port would)
//! while the server stays up for the other desks. Bytes pass through untouched, TLS included (the desks
//! use `sslmode=require`, which does not check the host name).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::ErrorKind;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

pub struct Relay {
    pub port: u16,
    target: u16,
    state: Arc<Mutex<State>>,
}

struct State {
    /// Listening while up; `None` while cut, so a desk trying to connect is refused at once.
    listener: Option<TcpListener>,
    /// Both ends of every relayed connection, to close them when cut.
    open: Vec<TcpStream>,
    gone: bool,
}

impl Relay {
    /// A relay on a free port of localhost to `target` (a port of localhost).
    pub fn to(target: u16) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let state = Arc::new(Mutex::new(State { listener: Some(listener), open: Vec::new(), gone: false }));
        let shared = Arc::clone(&state);
        thread::spawn(move || accept_loop(&shared, target));
        Relay { port, target, state }
    }

    /// Closes every relayed connection and stops listening; returns once done.
    pub fn cut(&self) {
        let mut state = self.state.lock().unwrap();
        state.listener = None;
        for stream in state.open.drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    /// Listens again on the same port.
    pub fn restore(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).unwrap();
        listener.set_nonblocking(true).unwrap();
        self.state.lock().unwrap().listener = Some(listener);
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.cut();
        self.state.lock().unwrap().gone = true;
    }
}

fn accept_loop(state: &Mutex<State>, target: u16) {
    loop {
        let accepted = {
            let state = state.lock().unwrap();
            if state.gone {
                return;
            }
            state.listener.as_ref().map(TcpListener::accept)
        };
        match accepted {
            Some(Ok((client, _))) => relay_one(state, client, target),
            Some(Err(e)) if e.kind() != ErrorKind::WouldBlock => panic!("relay accept: {e}"),
            _ => thread::sleep(Duration::from_millis(5)),
        }
    }
}

fn relay_one(state: &Mutex<State>, client: TcpStream, target: u16) {
    client.set_nonblocking(false).unwrap();
    let Ok(server) = TcpStream::connect(("127.0.0.1", target)) else { return };
    let mut state = state.lock().unwrap();
    state.open.push(client.try_clone().unwrap());
    state.open.push(server.try_clone().unwrap());
    pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
    pipe(server, client);
}

/// Copies `from` to `to` until either closes, then closes both ways.
fn pipe(mut from: TcpStream, mut to: TcpStream) {
    thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Both);
        let _ = from.shutdown(Shutdown::Both);
    });
}
