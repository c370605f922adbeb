"""The optional WLT photo plug-in (drivers.idcard.wlt), against fake vendor libraries built with gcc.

tests/drivers/fake_wlt/fake_wlt.c is compiled once per variant (good, broken, other entry points).
Its photo is grey with pixel (x, y) = input[(y * 102 + x) % 1024], so a decoded image proves the
input really went through the library. The library runs in the decoder's worker process; what it
was called with comes back through its trace file (FAKE_WLT_TRACE). Without gcc the library tests
skip, except under CI=true.
"""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from drivers.idcard import wlt
from drivers.idcard.wlt import PhotoDecoder, PhotoDecoderError, bmp_size
from drivers.isolation import sigpipe_ignored
from tests.support.requirements import need

SOURCE = Path(__file__).parent / "fake_wlt" / "fake_wlt.c"
VARIANTS: dict[str, list[str]] = {
    "good": [],
    "mangled": ["-DMANGLED"],
    "raw_rgb": ["-DRAW_RGB"],
    "fail": ["-DFAIL", "-DRESULT=-3"],
    "garbage": ["-DGARBAGE"],
    "wrong_dims": ["-DWRONG_DIMS"],
    "no_symbol": ["-DNO_SYMBOL"],
    "getbmp": ["-DGETBMP"],
    "getbmp_unlicensed": ["-DGETBMP", "-DRESULT=-5"],
    "fragile": ["-DFRAGILE"],
    "hostile": ["-DHOSTILE"],
}

Trace = Callable[[], list[dict[str, str]]]


@pytest.fixture(scope="session")
def libs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    gcc = shutil.which("gcc")
    need(gcc is not None, "gcc (C compiler, to build the fake WLT library)")
    folder = tmp_path_factory.mktemp("fake_wlt")
    built = {}
    for name, flags in VARIANTS.items():
        target = folder / f"libwlt_{name}.so"
        subprocess.run([gcc, "-shared", "-fPIC", "-O1", *flags, "-o", str(target), str(SOURCE)], check=True, timeout=60)
        built[name] = str(target)
    return built


@pytest.fixture
def trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Trace:
    """The calls the fake library saw, from workers started after this fixture (one dict per call)."""
    path = tmp_path / "trace" / "calls.txt"
    path.parent.mkdir()
    monkeypatch.setenv("FAKE_WLT_TRACE", str(path))

    def read() -> list[dict[str, str]]:
        if not path.exists():
            return []
        return [dict(part.split("=", 1) for part in line.split(" ")) for line in path.read_text().splitlines()]

    return read


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current directory for this test."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def gone(pid: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def sample(seed: int) -> bytes:
    return bytes((i * 7 + seed * 31 + (i >> 8)) % 256 for i in range(1024))


def pixel(bmp: bytes, x: int, y: int) -> tuple[int, int, int]:
    """(B, G, R) at (x, y) counted from the top left, read through the BMP header."""
    offset, width, height = struct.unpack_from("<I", bmp, 10)[0], *struct.unpack_from("<ii", bmp, 18)
    stride = (width * 3 + 3) & ~3
    row = abs(height) - 1 - y if height > 0 else y
    at = offset + row * stride + 3 * x
    return bmp[at], bmp[at + 1], bmp[at + 2]


def assert_grey_photo_of(bmp: bytes, source: bytes) -> None:
    assert bmp[:2] == b"BM"
    assert bmp_size(bmp) == (102, 126)
    for y in range(126):
        for x in range(102):
            v = source[(y * 102 + x) % 1024]
            assert pixel(bmp, x, y) == (v, v, v), (x, y)


# --- the good library ------------------------------------------------------------------------


def test_decode_gives_a_102x126_bmp_made_from_the_input(libs: dict[str, str]) -> None:
    decoder = PhotoDecoder.load(libs["good"])
    assert decoder.symbol == "unpack"
    photo = sample(1)
    bmp = decoder.decode(photo)
    assert len(bmp) == wlt.BMP_BUFFER_SIZE == 38862  # trimmed to the declared size, not the whole buffer
    assert struct.unpack_from("<I", bmp, 2)[0] == len(bmp)
    assert_grey_photo_of(bmp, photo)


def test_different_inputs_give_different_photos(libs: dict[str, str]) -> None:
    decoder = PhotoDecoder.load(libs["good"])
    first, second = decoder.decode(sample(1)), decoder.decode(sample(2))
    assert first != second
    assert decoder.decode(sample(1)) == first


def test_accepts_any_bytes_like_input(libs: dict[str, str]) -> None:
    decoder = PhotoDecoder.load(libs["good"])
    assert decoder.decode(bytearray(sample(3))) == decoder.decode(memoryview(sample(3)))


def test_bmp_save_is_off_by_default_so_no_photo_lands_on_disk(libs: dict[str, str], trace: Trace, cwd: Path) -> None:
    PhotoDecoder.load(libs["good"]).decode(sample(4))
    assert [call["flag"] for call in trace()] == ["0"]
    assert list(cwd.iterdir()) == []


def test_flag_is_passed_to_the_library_and_its_zp_bmp_never_reaches_our_directory(
    libs: dict[str, str], trace: Trace, cwd: Path
) -> None:
    decoder = PhotoDecoder.load(libs["good"], flag=752)  # a non-zero flag makes the fake write zp.bmp (bmpSave)
    assert decoder.flag == 752
    decoder.decode(sample(5))
    (call,) = trace()
    assert call["flag"] == "752"
    assert list(cwd.iterdir()) == []  # the worker decodes in its own private directory...
    private = Path(call["cwd"])
    assert private != cwd and (private / "zp.bmp").is_file()
    decoder.close()
    assert not private.exists()  # ...which goes with it, photo and all


@pytest.mark.parametrize("size", [0, 1023, 1025, 2048])
def test_wrong_length_is_refused_before_calling_the_library(libs: dict[str, str], trace: Trace, size: int) -> None:
    decoder = PhotoDecoder.load(libs["good"])
    with pytest.raises(PhotoDecoderError, match=f"is {size} bytes instead of 1024"):
        decoder.decode(bytes(size))
    assert trace() == []


def test_calls_from_several_threads_all_succeed(libs: dict[str, str], trace: Trace) -> None:
    """The fake refuses a call while another is running (as a non-thread-safe library would break)."""
    decoders = [PhotoDecoder.load(libs["good"]) for _ in range(2)]  # two decoders: a worker each
    results: dict[tuple[int, int], bytes] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def work(n: int) -> None:
        start.wait()
        for i in range(5):
            try:
                results[(n, i)] = decoders[n % 2].decode(sample(n * 10 + i))
            except BaseException as exc:  # noqa: BLE001 - collected and reported below
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    calls = trace()
    assert len(calls) == 40 and {call["overlap"] for call in calls} == {"0"}
    assert len({call["pid"] for call in calls}) == 2
    assert len(results) == 40
    for (n, i), bmp in results.items():
        v = sample(n * 10 + i)[0]
        assert pixel(bmp, 0, 0) == (v, v, v)


# --- other entry points and output formats ---------------------------------------------------


def test_cxx_mangled_unpack_is_found(libs: dict[str, str]) -> None:
    decoder = PhotoDecoder.load(libs["mangled"])
    assert decoder.symbol == "_Z6unpackPcS_i"
    assert_grey_photo_of(decoder.decode(sample(6)), sample(6))


def test_raw_rgb_output_is_wrapped_in_a_bmp(libs: dict[str, str]) -> None:
    photo = sample(7)
    bmp = PhotoDecoder.load(libs["raw_rgb"], output="rgb").decode(photo)
    assert bmp_size(bmp) == (102, 126)
    assert len(bmp) == 38862
    for x, y in [(0, 0), (101, 0), (0, 125), (101, 125), (50, 60)]:
        v = photo[(y * 102 + x) % 1024]
        assert pixel(bmp, x, y) == (v // 2, 255 - v, v), (x, y)  # B, G, R


def test_raw_output_is_not_taken_for_a_bmp(libs: dict[str, str]) -> None:
    with pytest.raises(PhotoDecoderError, match="not a BMP image"):
        PhotoDecoder.load(libs["raw_rgb"]).decode(sample(8))


def test_getbmp_decodes_through_a_private_temporary_file(
    libs: dict[str, str], trace: Trace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # read by the worker when it starts
    decoder = PhotoDecoder.load(libs["getbmp"])
    assert decoder.symbol == "GetBmp"
    photo = sample(9)
    assert_grey_photo_of(decoder.decode(photo), photo)
    (call,) = trace()
    assert call["flag"] == "2"  # USB interface by default
    given = Path(call["file"])
    assert given.suffix == ".wlt" and temp in given.parents
    assert [p for p in temp.rglob("*") if p.is_file()] == []  # the photo did not stay on disk
    decoder.close()
    assert list(temp.iterdir()) == []


def test_getbmp_error_codes_are_explained(libs: dict[str, str]) -> None:
    with pytest.raises(PhotoDecoderError, match=r"returned -5: software not licensed"):
        PhotoDecoder.load(libs["getbmp_unlicensed"]).decode(sample(10))


# --- vendor code that misbehaves: it runs in the decoder's worker, never in this process ------


def test_a_crashing_library_gives_a_clear_error_and_the_next_photo_decodes(libs: dict[str, str]) -> None:
    decoder = PhotoDecoder.load(libs["fragile"])
    first_worker = decoder.worker_pid
    assert first_worker is not None and first_worker != os.getpid()
    with pytest.raises(PhotoDecoderError, match="ended unexpectedly.*read the card again") as caught:
        decoder.decode(b"\xff" + sample(12)[1:])  # the fake dereferences NULL on this input
    assert caught.value.code == "photo.decoder_died"
    assert gone(first_worker)
    photo = sample(12)
    assert_grey_photo_of(decoder.decode(photo), photo)  # a new worker, the same library
    assert decoder.worker_pid not in (None, first_worker)
    decoder.close()


def test_a_hanging_library_is_ended_after_the_timeout(libs: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wlt, "DECODE_TIMEOUT_S", 1.0)
    decoder = PhotoDecoder.load(libs["fragile"])
    hung_worker = decoder.worker_pid
    assert hung_worker is not None
    started = time.monotonic()
    with pytest.raises(PhotoDecoderError, match="no answer within") as caught:
        decoder.decode(b"\xfe" + sample(13)[1:])  # the fake sleeps 60 s on this input
    assert caught.value.code == "photo.decoder_timeout"
    assert time.monotonic() - started < 5
    assert gone(hung_worker)
    assert_grey_photo_of(decoder.decode(sample(13)), sample(13))
    decoder.close()


def test_what_vendor_code_does_to_its_process_does_not_reach_ours(libs: dict[str, str], trace: Trace, cwd: Path) -> None:
    """The hostile fake resets SIGPIPE to SIG_DFL, writes zp.bmp into its cwd and chdirs to /."""
    assert sigpipe_ignored() is True
    photo = sample(14)
    decoder = PhotoDecoder.load(libs["hostile"])
    assert_grey_photo_of(decoder.decode(photo), photo)
    assert_grey_photo_of(decoder.decode(photo), photo)  # a second call still works (its cwd is now /)
    assert sigpipe_ignored() is True
    assert signal.getsignal(signal.SIGPIPE) is signal.SIG_IGN
    assert Path.cwd() == cwd and list(cwd.iterdir()) == []
    assert Path(trace()[0]["cwd"]) != cwd
    decoder.close()


def test_close_ends_the_worker(libs: dict[str, str]) -> None:
    decoder = PhotoDecoder.load(libs["good"])
    pid = decoder.worker_pid
    assert pid is not None
    decoder.close()
    assert gone(pid)
    assert_grey_photo_of(decoder.decode(sample(15)), sample(15))  # started again on demand
    decoder.close()


def test_a_library_that_crashes_while_loading_is_refused(tmp_path: Path) -> None:
    gcc = shutil.which("gcc")
    need(gcc is not None, "gcc (C compiler, to build the fake WLT library)")
    source = tmp_path / "boom.c"
    source.write_text("__attribute__((constructor)) static void boom(void) { *(volatile int *)0 = 1; }\n")
    target = tmp_path / "libboom.so"
    subprocess.run([gcc, "-shared", "-fPIC", "-o", str(target), str(source)], check=True, timeout=60)
    with pytest.raises(PhotoDecoderError, match="cannot be used.*ended the process while loading"):
        PhotoDecoder.load(str(target))


# --- broken libraries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "code", "message"),
    [
        ("fail", "photo.decode_failed", r"could not be decoded \(the library returned -3\)"),
        ("garbage", "photo.bad_output", r"not a BMP image"),
        ("wrong_dims", "photo.bad_output", r"100x126, 24 bits"),
    ],
)
def test_broken_library_gives_a_clear_error(libs: dict[str, str], variant: str, code: str, message: str) -> None:
    decoder = PhotoDecoder.load(libs[variant])
    with pytest.raises(PhotoDecoderError, match=message) as caught:
        decoder.decode(sample(11))
    assert caught.value.code == code


def test_library_without_a_known_entry_point_is_refused(libs: dict[str, str]) -> None:
    with pytest.raises(PhotoDecoderError, match="no supported entry point") as caught:
        PhotoDecoder.load(libs["no_symbol"])
    assert caught.value.code == "photo.library_unloadable" and caught.value.params["path"] == libs["no_symbol"]


# --- no gcc needed ---------------------------------------------------------------------------


def test_missing_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "libwlt2bmp.so"
    with pytest.raises(PhotoDecoderError, match="does not exist") as caught:
        PhotoDecoder.load(str(path))
    assert caught.value.code == "photo.library_missing" and caught.value.params == {"path": str(path)}


def test_file_that_is_not_a_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "libwlt2bmp.so"
    path.write_bytes(b"not a shared object\n")
    with pytest.raises(PhotoDecoderError, match=r"^The photo decoder library .*libwlt2bmp\.so cannot be used \(.+\)"):
        PhotoDecoder.load(str(path))


def test_unknown_output_format_is_a_programming_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="output"):
        PhotoDecoder.load(str(tmp_path / "x.so"), output="png")  # type: ignore[arg-type]


def test_bmp_size_reads_the_header() -> None:
    header = b"BM" + struct.pack("<IHHIIiiHHI", 0, 0, 0, 54, 40, 102, -126, 1, 24, 0) + bytes(20)
    assert bmp_size(header) == (102, 126)
    with pytest.raises(ValueError):
        bmp_size(b"GIF89a" + bytes(60))
    with pytest.raises(ValueError):
        bmp_size(b"BM")
