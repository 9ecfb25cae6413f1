//! Files nudge keeps between sessions (history, progress), written the way SQLite commits:
//! never edited in place, but written whole beside the old one and renamed over it, under
//! a lock, merged with what another session wrote meanwhile. A kill at any moment leaves
//! the old file or the new one, never a part of either; reads are bounded.

pub mod history;

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another session to finish writing the same file.
pub const LOCK_WAIT: Duration = Duration::from_secs(2);

/// What a kept file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// Its bytes: all of them, or the last lines that fit the limit.
    pub bytes: Vec<u8>,
    /// False when the start of the file was left unread.
    pub whole: bool,
}

/// What `path` holds, at most its last `limit` bytes (starting at a line); `None` when there
/// is no file. A path that is not a regular file (a directory, a named pipe, a device) is an
/// error, found without waiting on it or reading from it.
pub fn read(path: &Path, limit: u64) -> io::Result<Option<Kept>> {
    // Opening a named pipe must not wait for a writer: the type is checked on the open file.
    let opened = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path);
    let mut file = match opened {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let size = file.metadata()?;
    if !size.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    let whole = size.len() <= limit;
    if !whole {
        file.seek(SeekFrom::Start(size.len() - limit))?;
    }
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    if !whole {
        // The first line was cut: keep only whole lines.
        let start = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| i + 1);
        bytes.drain(..start);
    }
    Ok(Some(Kept { bytes, whole }))
}

/// Replaces the file at `path` with `merge(what it holds now)`, read with `limit`. While the
/// lock (`NAME.lock` beside it) is held, no other nudge writes the file, so what it wrote
/// last is merged, not lost; the new text goes to `NAME.tmp`, reaches the disk, and is renamed
/// over the old file in one step. A symbolic link is followed, so the file it names is replaced.
pub fn update(
    path: &Path,
    limit: u64,
    merge: impl FnOnce(Option<Kept>) -> Vec<u8>,
) -> io::Result<()> {
    let path = resolved(path)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "it names no file"))?
        .to_string_lossy()
        .into_owned();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let _lock = Lock::take(&dir.join(format!("{name}.lock")))?;
    let now = read(&path, limit)?;
    // A file replaced keeps its permissions; a new one is the learner's alone.
    let mode = fs::metadata(&path).map_or(0o600, |m| m.permissions().mode());
    let text = merge(now);
    let temp = dir.join(format!("{name}.tmp"));
    let written = write_synced(&temp, &text, mode).and_then(|()| fs::rename(&temp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    // The rename itself reaches the disk with the directory.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes `text` as the whole of the file at `path`, as `update` does but with no lock and
/// nothing to merge: for a file only this session writes (a saved session).
pub fn replace(path: &Path, text: &[u8]) -> io::Result<()> {
    let path = resolved(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "it names no file"))?
        .to_string_lossy()
        .into_owned();
    let mode = fs::metadata(&path).map_or(0o644, |m| m.permissions().mode());
    let temp = dir.join(format!("{name}.tmp"));
    let written = write_synced(&temp, text, mode).and_then(|()| fs::rename(&temp, &path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// The file a path names, through any symbolic link; the path itself when nothing is there yet.
fn resolved(path: &Path) -> io::Result<PathBuf> {
    match fs::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(path.to_path_buf()),
        Err(e) => Err(e),
    }
}

fn write_synced(path: &Path, text: &[u8], mode: u32) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text)?;
    file.set_permissions(fs::Permissions::from_mode(mode))?;
    file.sync_all()
}

/// An exclusive advisory lock (flock) on a file of its own, released when dropped or when
/// the process dies, however it dies.
struct Lock {
    _file: File,
}

impl Lock {
    fn take(path: &Path) -> io::Result<Lock> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)?;
        let started = Instant::now();
        loop {
            // SAFETY: flock on a descriptor this function owns; the kernel releases it on close.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
                return Ok(Lock { _file: file });
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::WouldBlock && e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
            if started.elapsed() > LOCK_WAIT {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!(
                        "another nudge has been writing it for more than {} seconds",
                        LOCK_WAIT.as_secs()
                    ),
                ));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_reads_as_none_and_is_created_by_an_update() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("deep").join("kept");
        assert_eq!(read(&path, 100).expect("reads"), None);
        update(&path, 100, |now| {
            assert_eq!(now, None);
            b"one\n".to_vec()
        })
        .expect("written");
        update(&path, 100, |now| {
            let mut bytes = now.expect("there now").bytes;
            bytes.extend_from_slice(b"two\n");
            bytes
        })
        .expect("written");
        assert_eq!(fs::read(&path).expect("read"), b"one\ntwo\n");
        assert!(!dir.path().join("deep").join("kept.tmp").exists());
    }

    #[test]
    fn a_long_file_is_read_from_its_last_whole_lines() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("kept");
        fs::write(&path, "first line\nsecond\nthird\n").expect("write");
        let kept = read(&path, 10).expect("reads").expect("a file");
        assert_eq!(kept.bytes, b"third\n");
        assert!(!kept.whole);
    }

    #[test]
    fn a_link_is_followed_and_a_directory_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("target");
        let link = dir.path().join("link");
        fs::write(&target, "old\n").expect("write");
        std::os::unix::fs::symlink(&target, &link).expect("link");
        update(&link, 100, |_| b"new\n".to_vec()).expect("written");
        assert!(fs::symlink_metadata(&link)
            .expect("still there")
            .is_symlink());
        assert_eq!(fs::read(&target).expect("read"), b"new\n");
        let refused = read(dir.path(), 100).expect_err("a directory");
        assert!(
            refused.to_string().contains("not a regular file"),
            "{refused}"
        );
    }
}
