"""The optional WLT photo plug-in (drivers.idcard.wlt), against fake vendor libraries built with gcc.

tests/drivers/fake_wlt/fake_wlt.c is compiled once per variant (good, broken, other entry points).
Its photo is grey with pixel (x, y) = input[(y * 102 + x) % 1024], so a decoded image proves the
input really went through the library. Without gcc the library tests skip, except under CI=true.
"""

from __future__ import annotations

import ctypes
import shutil
import struct
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from drivers.idcard import wlt
from drivers.idcard.wlt import PhotoDecoder, PhotoDecoderError, bmp_size
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
}


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


def counter(path: str, name: str) -> int:
    """A global int of a fake library (the same file is the same handle as the decoder's)."""
    return ctypes.c_int.in_dll(ctypes.CDLL(path), name).value


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


def test_bmp_save_is_off_by_default_so_no_photo_lands_on_disk(
    libs: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    PhotoDecoder.load(libs["good"]).decode(sample(4))
    assert counter(libs["good"], "last_flag") == 0
    assert list(tmp_path.iterdir()) == []


def test_flag_is_passed_to_the_library(libs: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a non-zero flag makes the fake behave like bmpSave=1
    decoder = PhotoDecoder.load(libs["good"], flag=752)
    assert decoder.flag == 752
    decoder.decode(sample(5))
    assert counter(libs["good"], "last_flag") == 752


@pytest.mark.parametrize("size", [0, 1023, 1025, 2048])
def test_wrong_length_is_refused_before_calling_the_library(libs: dict[str, str], size: int) -> None:
    decoder = PhotoDecoder.load(libs["good"])
    before = counter(libs["good"], "calls")
    with pytest.raises(PhotoDecoderError, match=f"1024 字节, 实际为 {size} 字节"):
        decoder.decode(bytes(size))
    assert counter(libs["good"], "calls") == before


def test_calls_from_several_threads_all_succeed(libs: dict[str, str]) -> None:
    """The fake refuses a call while another is running (as a non-thread-safe library would break)."""
    decoders = [PhotoDecoder.load(libs["good"]) for _ in range(2)]  # two decoders, one library: one lock
    overlaps_before = counter(libs["good"], "overlaps")
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
    assert counter(libs["good"], "overlaps") == overlaps_before
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
    with pytest.raises(PhotoDecoderError, match="不是 BMP"):
        PhotoDecoder.load(libs["raw_rgb"]).decode(sample(8))


def test_getbmp_decodes_through_a_private_temporary_file(
    libs: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    decoder = PhotoDecoder.load(libs["getbmp"])
    assert decoder.symbol == "GetBmp"
    photo = sample(9)
    assert_grey_photo_of(decoder.decode(photo), photo)
    assert counter(libs["getbmp"], "last_flag") == 2  # USB interface by default
    given = Path((ctypes.c_char * 4096).in_dll(ctypes.CDLL(libs["getbmp"]), "last_file").value.decode())
    assert given.suffix == ".wlt" and given.parent.parent == tmp_path
    assert list(tmp_path.iterdir()) == []  # the photo did not stay on disk


def test_getbmp_error_codes_are_explained(libs: dict[str, str]) -> None:
    with pytest.raises(PhotoDecoderError, match=r"返回 -5（软件未授权）"):
        PhotoDecoder.load(libs["getbmp_unlicensed"]).decode(sample(10))


# --- broken libraries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "message"),
    [
        ("fail", r"照片解码失败: 解码库返回 -3"),
        ("garbage", r"输出的不是 BMP 图像"),
        ("wrong_dims", r"图像格式异常: 100×126"),
    ],
)
def test_broken_library_gives_a_clear_error(libs: dict[str, str], variant: str, message: str) -> None:
    decoder = PhotoDecoder.load(libs[variant])
    with pytest.raises(PhotoDecoderError, match=message):
        decoder.decode(sample(11))


def test_library_without_a_known_entry_point_is_refused(libs: dict[str, str]) -> None:
    with pytest.raises(PhotoDecoderError, match="未找到支持的解码函数") as caught:
        PhotoDecoder.load(libs["no_symbol"])
    assert str(caught.value).startswith(f"无法加载照片解码库: {libs['no_symbol']}")


# --- no gcc needed ---------------------------------------------------------------------------


def test_missing_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "libwlt2bmp.so"
    with pytest.raises(PhotoDecoderError, match="文件不存在") as caught:
        PhotoDecoder.load(str(path))
    assert str(caught.value).startswith(f"无法加载照片解码库: {path}")


def test_file_that_is_not_a_library_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "libwlt2bmp.so"
    path.write_bytes(b"not a shared object\n")
    with pytest.raises(PhotoDecoderError, match=r"^无法加载照片解码库: .*libwlt2bmp\.so（.+）$"):
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
