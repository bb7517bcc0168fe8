//! Table-driven tests of the time stage: one row per sentence, positive and negative.

use super::*;

/// One test row: the reference date (`""` for none), a sentence, and the expected time in it
/// (`text: None` means no time at all must be found).
#[derive(Clone, Copy)]
struct Row {
    line: u32,
    reference: &'static str,
    sentence: &'static str,
    text: Option<&'static str>,
    value: Option<&'static str>,
    end: Option<&'static str>,
    tod: Option<&'static str>,
    tz: Option<&'static str>,
    part: Option<&'static str>,
    approx: Option<&'static str>,
    mismatch: Option<bool>,
}

const D: Row = Row {
    line: 0,
    reference: "",
    sentence: "",
    text: None,
    value: None,
    end: None,
    tod: None,
    tz: None,
    part: None,
    approx: None,
    mismatch: None,
};

const R: &str = "2024-06-19";

/// `row!(reference, sentence => none)` or
/// `row!(reference, sentence => text, value, field = x, ...)` with value `"-"` for `None`.
macro_rules! row {
    ($r:expr, $s:expr => none) => {
        Row { line: line!(), reference: $r, sentence: $s, ..D }
    };
    ($r:expr, $s:expr => $text:expr, $value:expr $(, $k:ident = $v:expr)* $(,)?) => {
        Row {
            line: line!(),
            reference: $r,
            sentence: $s,
            text: Some($text),
            value: opt($value),
            $($k: Some($v),)*
            ..D
        }
    };
}

/// `"-"` stands for `None` in the table.
const fn opt(s: &'static str) -> Option<&'static str> {
    if s.len() == 1 && s.as_bytes()[0] == b'-' {
        None
    } else {
        Some(s)
    }
}

fn date(s: &str) -> Option<Date> {
    if s.is_empty() {
        None
    } else {
        Some(s.parse().expect("test date"))
    }
}

/// Checks one row; returns a description of what went wrong.
fn check(row: &Row) -> Result<(), String> {
    let found = find_times(
        row.sentence,
        &[Span::new(0, row.sentence.len())],
        date(row.reference),
    );
    let Some(text) = row.text else {
        return if found.is_empty() {
            Ok(())
        } else {
            Err(format!("expected none, found {found:?}"))
        };
    };
    let Some(t) = found.iter().find(|t| t.text == text) else {
        let texts: Vec<_> = found.iter().map(|t| &t.text).collect();
        return Err(format!("{text:?} not found; found {texts:?}"));
    };
    assert_eq!(&row.sentence[t.span.range()], t.text);
    let got = (
        t.value.as_deref(),
        t.end_value.as_deref(),
        t.time_of_day.as_deref(),
        t.timezone.as_deref(),
        t.part_of_day.as_deref(),
        t.approx.as_deref(),
        t.weekday_mismatch,
    );
    let want = (
        row.value,
        row.end,
        row.tod,
        row.tz,
        row.part,
        row.approx,
        row.mismatch.unwrap_or(false),
    );
    if got == want {
        Ok(())
    } else {
        Err(format!("{text:?}: got {got:?}, want {want:?}"))
    }
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // The seed's Times table.
    row!("", "fin.co.id - 19/06/2024, 09:48 WIB" => "19/06/2024, 09:48 WIB", "2024-06-19", tod = "09:48", tz = "WIB"),
    row!(R, "saat pertemuan mereka di Kosmodrom Vostochny di wilayah Amur Rusia pada 13 September 2023." => "13 September 2023", "2023-09-13"),
    row!(R, "Putin kembali mengunjungi Korea Utara, Rabu 29 Juni 2024." => "Rabu 29 Juni 2024", "2024-06-29", mismatch = true),
    row!(R, "pemimpin Kora Utara Kim Jong Un pada Rabu pagi 19 Juni 2024 Waktu setempat." => "Rabu pagi 19 Juni 2024", "2024-06-19", part = "pagi"),
    row!(R, "Putin juga pernah melakuan perjalanan pertamanya ke Korea Utara 24 tahun lalu." => "24 tahun lalu", "2000"),
    row!(R, "Adapun Rusia melancarkan invasi besar-besaran ke negara tetangganya pada tahun 2022." => "tahun 2022", "2022"),
    row!(R, "Pada bulan Maret, veto Rusia di PBB mengakhiri pemantauan sanksi PBB." => "bulan Maret", "2024-03"),
    row!(R, "Awal tahun ini, Putin mengirimi Kim sebuah limusin Aurus Senat kelas atas." => "Awal tahun ini", "2024", approx = "awal"),
    row!(R, "yang telah ia tunjukkan kepada pemimpin Korea Utara itu ketika mereka bertemu pada bulan September." => "bulan September", "2023-09"),
    // Full dates.
    row!("", "Ia tiba pada 13 September 2023." => "13 September 2023", "2023-09-13"),
    row!("", "Dokumen bertanggal 19/06/2024 itu bocor." => "19/06/2024", "2024-06-19"),
    row!("", "Diunggah 2016-08-19 pagi." => "2016-08-19 pagi", "2016-08-19", part = "pagi"),
    row!("", "Rapat digelar 19-06-2024 di Jakarta." => "19-06-2024", "2024-06-19"),
    row!(R, "Rapat digelar Rabu, 19 Juni 2024 di Jakarta." => "Rabu, 19 Juni 2024", "2024-06-19"),
    row!(R, "Acara itu berlangsung 17 Agustus 1945." => "17 Agustus 1945", "1945-08-17"),
    row!("", "Ia lahir 5 mei 1990 di Medan." => "5 mei 1990", "1990-05-05"),
    row!("", "Laporan 19 Agu 2016 menyebut hal itu." => "19 Agu 2016", "2016-08-19"),
    row!("", "Ditutup 5 Okt 2016." => "5 Okt 2016", "2016-10-05"),
    row!("", "Dirilis 25 Des 2015." => "25 Des 2015", "2015-12-25"),
    row!("", "Dirilis June 19, 2024 oleh AFP." => "June 19, 2024", "2024-06-19"),
    row!("", "Dirilis 19 June 2024 oleh AFP." => "19 June 2024", "2024-06-19"),
    row!("", "Laporan Agustus 2016 menunjukkan kenaikan." => "Agustus 2016", "2016-08"),
    row!("", "Laporan Okt 2016 menunjukkan kenaikan." => "Okt 2016", "2016-10"),
    // Bracketed news dates.
    row!("", "Jakarta, Kamis (25/9/2014) - Presiden tiba." => "Kamis (25/9/2014)", "2014-09-25"),
    row!("2017-04-05", "Presiden tiba di Bandung, Senin (27/3)." => "Senin (27/3)", "2017-03-27"),
    row!(R, "Presiden tiba di Bandung, Senin (27/3)." => "Senin (27/3)", "2024-03-27", mismatch = true),
    row!("", "Presiden tiba di Bandung, Senin (27/3)." => "Senin (27/3)", "-"),
    row!("", "Kejadian itu terjadi Selasa (8/12/09) siang." => "Selasa (8/12/09) siang", "2009-12-08", part = "siang"),
    row!("", "Ditemui di BSD, Kamis (18/8/2016), Henry mengatakan." => "Kamis (18/8/2016)", "2016-08-18"),
    row!("", "JAKARTA - Rabu (19/6/2024) pukul 10.00 WIB, rapat dimulai." => "Rabu (19/6/2024) pukul 10.00 WIB", "2024-06-19", tod = "10:00", tz = "WIB"),
    row!(R, "Jum'at (14/6) lalu ia datang." => "Jum'at (14/6) lalu", "2024-06-14"),
    row!(R, "Ahad (16/6) ia datang." => "Ahad (16/6)", "2024-06-16"),
    row!(R, "Pada Minggu (16/6) ia datang." => "Minggu (16/6)", "2024-06-16"),
    row!(R, "Ia datang Senin (17/6) malam waktu setempat." => "Senin (17/6) malam waktu setempat", "2024-06-17", part = "malam", tz = "local"),
    row!("", "Ia tiba (18/8/2016) di Jakarta." => "18/8/2016", "2016-08-18"),
    // Weekdays with parts of the day.
    row!(R, "Mereka bertemu Rabu pagi." => "Rabu pagi", "2024-06-19", part = "pagi"),
    row!(R, "Mereka bertemu Jumat malam." => "Jumat malam", "2024-06-14", part = "malam"),
    row!(R, "Mereka bertemu Jumat waktu setempat." => "Jumat waktu setempat", "2024-06-14", tz = "local"),
    row!(R, "Mereka bertemu pada Jum'at sore." => "Jum'at sore", "2024-06-14", part = "sore"),
    row!(R, "Mereka bertemu pada hari Senin." => "hari Senin", "2024-06-17"),
    row!(R, "Mereka bertemu Rabu lalu." => "Rabu lalu", "2024-06-12"),
    row!(R, "Mereka akan bertemu Senin mendatang." => "Senin mendatang", "2024-06-24"),
    row!(R, "Mereka akan bertemu Jumat." => "Jumat", "2024-06-21"),
    row!(R, "Mereka bertemu Senin pekan lalu." => "Senin pekan lalu", "2024-06-10"),
    row!(R, "Mereka bertemu Senin pekan depan." => "Senin pekan depan", "2024-06-24"),
    row!(R, "Mereka bertemu pada Minggu lalu." => "Minggu lalu", "2024-06-16"),
    row!(R, "Mereka bertemu Sabtu siang pukul 13.30 WIB." => "Sabtu siang pukul 13.30 WIB", "2024-06-15", tod = "13:30", tz = "WIB", part = "siang"),
    row!("", "Mereka bertemu Sabtu." => "Sabtu", "-"),
    // Clock times.
    row!(R, "Acara dimulai pukul 09.48 WIB." => "pukul 09.48 WIB", "2024-06-19", tod = "09:48", tz = "WIB"),
    row!(R, "Acara dimulai 09:48." => "09:48", "2024-06-19", tod = "09:48"),
    row!(R, "Pesawat mendarat 14.00 WITA." => "14.00 WITA", "2024-06-19", tod = "14:00", tz = "WITA"),
    row!(R, "Pesawat mendarat pukul 7 malam." => "pukul 7 malam", "2024-06-19", tod = "19:00", part = "malam"),
    row!(R, "Gempa terjadi pukul 02.00 dini hari." => "pukul 02.00 dini hari", "2024-06-19", tod = "02:00"),
    row!(R, "Ia bekerja pukul 10.00-12.00 WIB." => "pukul 10.00-12.00 WIB", "2024-06-19", tod = "10:00", tz = "WIB"),
    row!(R, "Ia tiba jam 10 pagi waktu setempat." => "jam 10 pagi waktu setempat", "2024-06-19", tod = "10:00", part = "pagi", tz = "local"),
    row!(R, "Pada Kamis (25/9/2014), acara dimulai pukul 10.00 WIB." => "pukul 10.00 WIB", "2014-09-25", tod = "10:00", tz = "WIB"),
    row!("", "Acara dimulai pukul 10.00 WIB." => "pukul 10.00 WIB", "-", tod = "10:00", tz = "WIB"),
    row!(R, "Rapat 19 Juni 2024 pukul 20.00 WIB." => "19 Juni 2024 pukul 20.00 WIB", "2024-06-19", tod = "20:00", tz = "WIB"),
    // Months and years.
    row!(R, "Harga naik pada Agustus." => "Agustus", "2023-08"),
    row!(R, "Harga naik pada bulan mei." => "bulan mei", "2024-05"),
    row!(R, "Harga naik sejak Maret lalu." => "Maret lalu", "2024-03"),
    row!(R, "Harga akan naik pada Agustus." => "Agustus", "2024-08"),
    row!(R, "Harga naik Agustus mendatang." => "Agustus mendatang", "2024-08"),
    row!(R, "Harga naik Maret tahun lalu." => "Maret tahun lalu", "2023-03"),
    row!(R, "Harga naik Maret 2024." => "Maret 2024", "2024-03"),
    row!(R, "Harga naik pada 2018." => "2018", "2018"),
    row!(R, "Harga naik sejak 2010." => "2010", "2010"),
    row!(R, "Harga naik 2015 lalu." => "2015 lalu", "2015"),
    row!(R, "Harga naik pada tahun 1998." => "tahun 1998", "1998"),
    row!(R, "Ia menjabat pada 1999-2004." => "1999-2004", "1999", end = "2004"),
    row!(R, "Ia menjabat 1999-2004." => "1999-2004", "1999", end = "2004"),
    row!(R, "Ia menjabat dari 2010 hingga 2015." => "2010 hingga 2015", "2010", end = "2015"),
    row!(R, "Ia menjabat periode tahun 2014-2019." => "tahun 2014-2019", "2014", end = "2019"),
    row!(R, "Data Januari-Maret 2016 dirilis." => "Januari-Maret 2016", "2016-01", end = "2016-03"),
    // Relative expressions.
    row!(R, "Ia tiba kemarin." => "kemarin", "2024-06-18"),
    row!(R, "Ia tiba hari ini." => "hari ini", "2024-06-19"),
    row!(R, "Ia tiba besok." => "besok", "2024-06-20"),
    row!(R, "Ia tiba lusa." => "lusa", "2024-06-21"),
    row!(R, "Ia tiba tadi malam." => "tadi malam", "2024-06-18", part = "malam"),
    row!(R, "Ia tiba tadi pagi." => "tadi pagi", "2024-06-19", part = "pagi"),
    row!(R, "Ia tiba kemarin sore." => "kemarin sore", "2024-06-18", part = "sore"),
    row!(R, "Ia tiba besok pagi." => "besok pagi", "2024-06-20", part = "pagi"),
    row!(R, "Ia tiba pagi ini." => "pagi ini", "2024-06-19", part = "pagi"),
    row!(R, "Ia tiba dua hari lalu." => "dua hari lalu", "2024-06-17"),
    row!(R, "Ia tiba sebelas hari lalu." => "sebelas hari lalu", "2024-06-08"),
    row!(R, "Ia tiba 24 tahun yang lalu." => "24 tahun yang lalu", "2000"),
    row!(R, "Ia tiba 24 tahun silam." => "24 tahun silam", "2000"),
    row!(R, "Ia tiba dua puluh tahun lalu." => "dua puluh tahun lalu", "2004"),
    row!(R, "Ia tiba tiga bulan lalu." => "tiga bulan lalu", "2024-03"),
    row!(R, "Ia tiba sepekan lalu." => "sepekan lalu", "2024-W24"),
    row!(R, "Ia tiba sebulan lalu." => "sebulan lalu", "2024-05"),
    row!(R, "Ia tiba setahun lalu." => "setahun lalu", "2023"),
    row!(R, "Ia tiba dua hari lagi." => "dua hari lagi", "2024-06-21"),
    row!(R, "Ia tiba lima tahun mendatang." => "lima tahun mendatang", "2029"),
    row!(R, "Ia tiba beberapa hari lalu." => "beberapa hari lalu", "-"),
    row!(R, "Ia tiba dua tahun kemudian." => "dua tahun kemudian", "-"),
    row!(R, "Ia tiba pekan lalu." => "pekan lalu", "2024-W24"),
    row!(R, "Ia tiba minggu lalu." => "minggu lalu", "2024-W24"),
    row!(R, "Minggu lalu, ia tiba." => "Minggu lalu", "2024-W24"),
    row!(R, "Ia tiba pekan ini." => "pekan ini", "2024-W25"),
    row!(R, "Ia tiba pekan depan." => "pekan depan", "2024-W26"),
    row!(R, "Ia tiba bulan depan." => "bulan depan", "2024-07"),
    row!(R, "Ia tiba bulan lalu." => "bulan lalu", "2024-05"),
    row!(R, "Ia tiba bulan ini." => "bulan ini", "2024-06"),
    row!(R, "Ia tiba tahun lalu." => "tahun lalu", "2023"),
    row!(R, "Ia tiba tahun depan." => "tahun depan", "2025"),
    row!(R, "Ia tiba akhir bulan lalu." => "akhir bulan lalu", "2024-05", approx = "akhir"),
    row!(R, "Ia tiba akhir pekan lalu." => "akhir pekan lalu", "2024-W24", approx = "akhir"),
    row!(R, "Ia tiba pertengahan 2016." => "pertengahan 2016", "2016", approx = "pertengahan"),
    row!(R, "Ia tiba medio 2016." => "medio 2016", "2016", approx = "pertengahan"),
    row!(R, "Ia tiba awal Juni." => "awal Juni", "2024-06", approx = "awal"),
    row!(R, "Ia tiba akhir Juni 2016." => "akhir Juni 2016", "2016-06", approx = "akhir"),
    row!(R, "Ia tiba pada awal tahun 2016." => "awal tahun 2016", "2016", approx = "awal"),
    row!("", "Ia tiba kemarin." => "kemarin", "-"),
    row!("", "Ia tiba pada bulan Maret." => "bulan Maret", "-"),
    // Ranges and yearless days.
    row!("", "Konferensi berlangsung 10 hingga 11 Oktober 2008." => "10 hingga 11 Oktober 2008", "2008-10-10", end = "2008-10-11"),
    row!(R, "Pameran digelar 10-12 Agustus." => "10-12 Agustus", "2023-08-10", end = "2023-08-12"),
    row!("", "Pameran digelar 30 Juni - 2 Juli 2016." => "30 Juni - 2 Juli 2016", "2016-06-30", end = "2016-07-02"),
    row!("2016-08-19", "hingga 16 Agustus kemarin sudah terjual." => "16 Agustus kemarin", "2016-08-16"),
    row!("2016-08-19", "diluncurkan pertama kali pada 2 Agustus lalu." => "2 Agustus lalu", "2016-08-02"),
    row!("2016-08-19", "Per 16 Agustus, pemesanan naik." => "16 Agustus", "2016-08-16"),
    row!("2016-08-10", "Upacara digelar 17 Agustus mendatang." => "17 Agustus mendatang", "2016-08-17"),
    row!(R, "Upacara digelar tanggal 17 Agustus." => "tanggal 17 Agustus", "2023-08-17"),
    // Negatives: numbers that are not times.
    row!(R, "Harganya Rp 500 juta." => none),
    row!(R, "Gempa 7,1 skala Richter mengguncang." => none),
    row!(R, "Menurut Pasal 12B ayat 1." => none),
    row!(R, "Harga naik 14 persen." => none),
    row!(R, "Sebanyak 2.000 orang hadir." => none),
    row!(R, "Surat No. 12 dikirim." => none),
    row!(R, "Hujan turun tiba-tiba." => none),
    row!(R, "Nilainya 14.00 poin." => none),
    row!(R, "Pameran GIIAS 2016 dibuka." => none),
    row!(R, "Mei Lin datang ke kantor." => none),
    row!(R, "Juni Rahmawati datang ke kantor." => none),
    row!(R, "Ia dirawat selama dua hari." => none),
    row!(R, "Ia bekerja 24 jam." => none),
    row!(R, "Ia berlari 3 jam 20 menit." => none),
    row!(R, "Sesuai UU Nomor 12 Tahun 2011." => none),
    row!(R, "Sebanyak 2016 orang hadir." => none),
    row!(R, "Skor akhir 2:1 untuk tuan rumah." => none),
    row!(R, "Rasio 1:10 dipakai." => none),
    row!(R, "Lihat halaman 10-12 buku itu." => none),
    row!(R, "Ia bekerja selama 2 tahun." => none),
    row!(R, "Minggu ini ada di kalender." => "Minggu ini", "2024-W25"),
    row!(R, "Pada malam hari suhu turun." => none),
    row!(R, "Harga naik pada maret." => none),
    row!(R, "Ia membeli 2018 unit mobil." => none),
    row!(R, "" => none),
];

#[test]
fn table() {
    let failures: Vec<String> = ROWS
        .iter()
        .filter_map(|row| {
            check(row)
                .err()
                .map(|e| format!("line {}: {}\n    in {:?}", row.line, e, row.sentence))
        })
        .collect();
    assert!(ROWS.len() >= 100, "only {} rows", ROWS.len());
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

/// The seed article (`shared/seeds/putin-kim-fin-2024-06-19.txt`), part of the contract.
const SEED: &str = r#"Putin dan Pemimpin Korea Utara Kim Jong-un Bertemu, Amerika dan Korsel Gelisah

fin.co.id - 19/06/2024, 09:48 WIB

Putin dan Pemimpin Korea Utara Kim Jong-un Bertemu, Amerika dan Korsel Gelisah

Presiden Rusia Vladimir Putin (kanan) dan pemimpin Korea Utara Kim Jong Un berjabat tangan saat pertemuan mereka di Kosmodrom Vostochny di wilayah Amur Rusia pada 13 September 2023. Putin kembali mengunjungi Korea Utara, Rabu 29 Juni 2024. (Vladimir Smirnov/AFP melalui Getty Images)

fin.co.id- Presiden Rusia Vladimir Putin melakukan pertemuan dengan pemimpin Kora Utara Kim Jong Un pada Rabu pagi 19 Juni 2024 Waktu setempat.

Vladimir Putin tiba di Korea Utara, dia disambut langsung oleh Kim Jong Un di bandara Pyongyang.

Mereka berjabat tangan dan berpelukan, Kim kemudian satu mobil dengan Putin dan mengantarnya ke Wisma Negara Kumsusan di Pyongyang.

Kedua negara disebut ingin bekerja sama erat untuk mengatasi sanksi yang dipimpin AS dalam menghadapi konfrontasi yang semakin intensif dengan Washington.

Kantor Berita Pusat Korea Utara menyebut, pertemuan keduanya sebagai peristiwa sejarah persahabatan kedua negara yang berlangsung lama. Sebelumnya, Putin juga pernah melakuan perjalanan pertamanya ke Korea Utara 24 tahun lalu.

Putin mengatakan, ia menghargai dukungan kuat Korea Utara terhadap tindakan militernya di Ukraina. Adapun Rusia melancarkan invasi besar-besaran ke negara tetangganya pada tahun 2022.

Dia mengatakan negara-negara tersebut akan terus dengan tegas menentang apa yang dia gambarkan sebagai ambisi Barat untuk menghalangi pembentukan tatanan dunia multipolar berdasarkan keadilan, saling menghormati kedaulatan, dan mempertimbangkan kepentingan satu sama lain.

Bersama dengan Tiongkok, Rusia telah memberikan perlindungan politik atas upaya Korea Utara yang terus-menerus meningkatkan persenjataan nuklirnya, dan berulang kali menghalangi upaya pimpinan AS untuk menjatuhkan sanksi baru PBB terhadap Korea Utara atas uji coba senjatanya.

Pada bulan Maret, veto Rusia di PBB mengakhiri pemantauan sanksi PBB terhadap Korea Utara atas program nuklirnya, yang memicu tuduhan Barat bahwa Moskow berusaha menghindari pengawasan karena negara tersebut membeli senjata dari Pyongyang untuk digunakan di Ukraina.

Para pejabat AS dan Korea Selatan mengatakan mereka sedang mendiskusikan opsi-opsi mekanisme baru untuk memantau Korea Utara.

Awal tahun ini, Putin mengirimi Kim sebuah limusin Aurus Senat kelas atas, yang telah ia tunjukkan kepada pemimpin Korea Utara itu ketika mereka bertemu pada bulan September.

Para pengamat mengatakan pengiriman tersebut melanggar resolusi PBB yang melarang pasokan barang-barang mewah ke Korea Utara.

John Kirby, juru bicara Dewan Keamanan Nasional AS, mengatakan hubungan yang semakin erat antara Moskow dan Pyongyang memprihatinkan.

"Bukan hanya karena dampaknya terhadap rakyat Ukraina, karena kita tahu bahwa rudal balistik Korea Utara masih digunakan untuk melakukan hal tersebut. mencapai sasaran Ukraina, tetapi karena mungkin ada timbal balik di sini yang dapat mempengaruhi keamanan di Semenanjung Korea.”

“Saat ini kami belum melihat parameter dari semua itu, dan tentu saja belum melihatnya membuahkan hasil. Tapi kami pasti akan mengawasinya dengan sangat cermat,” katanya.

Afdal Namakule
Penulis"#;

#[test]
fn seed_article() {
    let reference = find_reference_date(SEED);
    assert_eq!(reference, date(R));
    let found = find_times(SEED, &[], reference);
    let got: Vec<(&str, Option<&str>)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_deref()))
        .collect();
    let want = [
        ("19/06/2024, 09:48 WIB", Some("2024-06-19")),
        ("13 September 2023", Some("2023-09-13")),
        ("Rabu 29 Juni 2024", Some("2024-06-29")),
        ("Rabu pagi 19 Juni 2024", Some("2024-06-19")),
        ("24 tahun lalu", Some("2000")),
        ("tahun 2022", Some("2022")),
        ("bulan Maret", Some("2024-03")),
        ("Awal tahun ini", Some("2024")),
        ("bulan September", Some("2023-09")),
    ];
    assert_eq!(got, want);
    // The contract example.
    let t = &found[3];
    assert_eq!((t.span.start, t.span.end), (585, 607));
    assert_eq!(t.part_of_day.as_deref(), Some("pagi"));
    assert!(found[2].weekday_mismatch);
    assert_eq!(found[0].time_of_day.as_deref(), Some("09:48"));
    assert_eq!(found[7].approx.as_deref(), Some("awal"));
}

#[test]
fn reference_dates() {
    let cases = [
        (
            "Jakarta, Kamis (25/9/2014) - Presiden tiba.",
            Some("2014-09-25"),
        ),
        ("Senin, 19 Juni 2024\n\nPresiden tiba.", Some("2024-06-19")),
        (
            "JAKARTA - Rabu (19/6/2024) Presiden tiba.",
            Some("2024-06-19"),
        ),
        (
            "Jakarta, Kamis (25/9) - Presiden tiba pada 13 September 2023.",
            None,
        ),
        ("Ia tiba pada 13 September 2023.", None),
        ("", None),
        ("Tanpa tanggal sama sekali.", None),
    ];
    for (text, want) in cases {
        assert_eq!(find_reference_date(text), want.and_then(date), "{text:?}");
    }
}

#[test]
fn never_panics_and_spans_are_sound() {
    let mut inputs: Vec<String> = vec![
        "\u{feff}Rabu (19/6/2024) pukul".into(),
        "pukul".into(),
        "Rabu (".into(),
        "31/02/2024 30 Februari 2024 29 Februari 2023 0/0/0".into(),
        "tahun 9999-0000 1999-1998 pukul 99.99 25:00 WIB".into(),
        "é日本語 Jum’at 🙂 (1/1) — 1–2 Januari–Maret 2016".into(),
        "akhir akhir akhir tahun tahun tahun lalu lalu".into(),
        "999999999999999999999 hari lalu 0 hari lalu".into(),
    ];
    // A cheap pseudo-random soup of the tokens the grammar knows.
    let words = [
        "Rabu", "(", "19/6", ")", "pukul", "10.00", "WIB", "awal", "tahun", "ini", "2024", "-",
        "hingga", "Juni", ",", "lalu", "é", "🙂", "12", "bulan", "minggu", "Minggu", "waktu",
        "setempat", "\n\n",
    ];
    let mut state: u64 = 42;
    for _ in 0..200 {
        let mut s = String::new();
        for _ in 0..30 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(words[(state >> 33) as usize % words.len()]);
            if state & 1 == 0 {
                s.push(' ');
            }
        }
        inputs.push(s);
    }
    inputs.push("Rabu 19 Juni 2024 ".repeat(5000));
    for text in &inputs {
        for reference in [None, date("2024-06-19"), Some(Date::MAX), Some(Date::MIN)] {
            let found = find_times(text, &[], reference);
            let mut last_end = 0;
            for t in &found {
                assert!(t.span.start >= last_end && t.span.start < t.span.end);
                assert_eq!(&text[t.span.range()], t.text);
                last_end = t.span.end;
            }
        }
        let _ = find_reference_date(text);
    }
}

#[rustfmt::skip]
const MORE_ROWS: &[Row] = &[
    // Regressions from the IndoSum sample.
    row!("2017-09-06", "berlangsung dari tanggal 5 hingga 7 September." => "tanggal 5 hingga 7 September", "2017-09-05", end = "2017-09-07"),
    row!("2017-10-20", "Presiden akan mengadakan rapat kabinet darurat pada Sabtu (21/10)." => "Sabtu (21/10)", "2017-10-21"),
    row!("2018-02-06", "diperkirakan akan tiba di Jakarta Senin (5/2) siang." => "Senin (5/2) siang", "2018-02-05", part = "siang"),
    row!("2018-02-28", "Senin (26/2) kemarin Kim mengunggah fotonya." => "Senin (26/2) kemarin", "2018-02-26"),
    row!("2017-06-23", "di kawasan Pasar Minggu." => none),
    row!("2017-07-15", "Bek 32 tahun ini harus menempuh ujian." => none),
    row!("2017-01-06", "campur tangan Rusia dalam pemilu kemarin." => none),
    row!("2017-05-28", "menang pada Minggu (28/5/2017) dini hari WIB di Madrid." => "Minggu (28/5/2017) dini hari WIB", "2017-05-28", tz = "WIB"),
    row!("2017-08-11", "kata Mastuki, Kamis (10/8) petang." => "Kamis (10/8) petang", "2017-08-10", part = "sore"),
    row!("2017-08-12", "Sabtu (12/8) sekitar pukul 03.30 WIB dini hari." => "Sabtu (12/8) sekitar pukul 03.30 WIB dini hari", "2017-08-12", tod = "03:30", tz = "WIB"),
    row!("2017-07-18", "12 Juni 2017 lalu, rencana Buffon terkuak." => "12 Juni 2017 lalu", "2017-06-12"),
    row!("2016-10-06", "kontraknya akan habis pada 2018 nanti." => "2018 nanti", "2018"),
    row!("2017-05-18", "bergabung pada tahun 2013 yang lalu." => "tahun 2013 yang lalu", "2013"),
    row!("2017-04-07", "periode 1 Januari 2010 hingga 30 Juni 2016 menempatkan." => "1 Januari 2010 hingga 30 Juni 2016", "2010-01-01", end = "2016-06-30"),
    row!("2017-08-19", "dari Juni 2016 hingga Juni 2017." => "Juni 2016 hingga Juni 2017", "2016-06", end = "2017-06"),
];

#[test]
fn more_table() {
    let failures: Vec<String> = MORE_ROWS
        .iter()
        .filter_map(|row| {
            check(row)
                .err()
                .map(|e| format!("line {}: {}\n    in {:?}", row.line, e, row.sentence))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        MORE_ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn more_rows_2() {
    #[rustfmt::skip]
    let rows = [
        row!("2016-11-20", "untuk periode tanggal 12 sampai dengan 14 Desember 2016." => "tanggal 12 sampai dengan 14 Desember 2016", "2016-12-12", end = "2016-12-14"),
        row!("2016-11-20", "berlaku 12 s/d 14 Desember 2016." => "12 s/d 14 Desember 2016", "2016-12-12", end = "2016-12-14"),
        row!("2018-01-12", "Dalam beberapa hari ini, ada kerusuhan." => none),
        row!("2017-06-02", "pada Kamis (1/6) malam waktu setempat atau Jumat pagi WIB." => "Jumat pagi WIB", "2017-06-02", part = "pagi", tz = "WIB"),
        row!("2017-05-18", "Layanan ini baru hadir pada Maret 2017 lalu." => "Maret 2017 lalu", "2017-03"),
    ];
    let failures: Vec<String> = rows.iter().filter_map(|r| check(r).err()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn datelines_are_headings_not_sentences() {
    assert_eq!(
        find_reference_date("Suara.com - Kamis (8/9/2016) kemarin pemerintah Singapura mencatat."),
        None
    );
    assert_eq!(
        find_reference_date(
            "Suara.com - Diluncurkan dua pekan lalu.\n\nDitemui di BSD, Kamis (18/8/2016), Henry mengatakan."
        ),
        None
    );
    assert_eq!(
        find_reference_date("JAKARTA, KOMPAS.com - Rabu (19/6/2024) - Presiden tiba."),
        date(R)
    );
}

#[test]
fn more_rows_3() {
    #[rustfmt::skip]
    let rows = [
        row!("2017-07-05", "di atas panggung, Minggu (1/7) malam waktu setempat." => "Minggu (1/7) malam waktu setempat", "2017-07-01", part = "malam", tz = "local", mismatch = true),
        row!("2017-06-25", "akan jauh lebih baik dari musim kemarin." => none),
        row!("2016-11-27", "pendemo tidak melaksanakan salat Jumat di jalan." => none),
        row!("2018-02-24", "di Italia, Jumat (23/2/2018) dinihari WIB." => "Jumat (23/2/2018) dinihari WIB", "2018-02-23", tz = "WIB"),
        row!("2018-02-09", "eksis pada era 90-an dan awal 2000 - an." => none),
        row!("2017-10-18", "pada tanggal 17 oktober jam 18.00 KST." => "tanggal 17 oktober jam 18.00 KST", "2017-10-17", tod = "18:00", tz = "KST"),
        row!("2018-01-28", "pada hari Sabtu sekitar pukul 10.00 WIB." => "hari Sabtu sekitar pukul 10.00 WIB", "2018-01-27", tod = "10:00", tz = "WIB"),
        row!("2016-11-19", "tayang perdana hari ini (17/11) pukul 19.10 WIB." => "hari ini (17/11) pukul 19.10 WIB", "2016-11-17", tod = "19:10", tz = "WIB"),
    ];
    let failures: Vec<String> = rows.iter().filter_map(|r| check(r).err()).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The prefilter of `parse_at` is exact: a rule left out of a token's rules finds nothing
/// there, so `parse_at` finds what trying every rule finds.
#[test]
fn prefilter_rejects_only_what_no_rule_takes() {
    let mut texts: Vec<String> = vec![
        include_str!("../../examples/data/putin-kim-fin-2024-06-19.txt").to_string(),
        "Pada awal tahun ini, Senin (8/1/2024) pagi, kemarin lusa, besok pagi, tiga hari lalu, \
         sepekan lalu, beberapa tahun silam, pukul 10.00 WIB, tanggal 17 Agustus, bulan Maret \
         lalu, Januari-Maret 2016, June 19, 2024, Jum'at, Jum’at, \u{212A}amis, KAMIS, tgl 5, \
         pkl 9, jam 7 malam, dua puluh tahun lalu, sebelas bulan mendatang, medio 2016."
            .to_string(),
    ];
    if let Ok(dir) = std::env::var("WARTA_DATA")
        && let Ok(jsonl) = std::fs::read_to_string(format!("{dir}/indosum/articles.jsonl"))
    {
        for line in jsonl.lines().take(300) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let t = v["text"].as_str().unwrap();
            texts.push(t.to_string());
            texts.push(t.to_lowercase());
            texts.push(t.to_uppercase());
        }
    }
    let mut rejected = [0; rule::ALL.count_ones() as usize];
    for text in &texts {
        let toks = tokenize(text);
        let parser = Parser { text, toks: &toks };
        for (i, t) in toks.iter().enumerate() {
            for (bit, count) in rejected.iter_mut().enumerate() {
                let r = 1 << bit;
                if t.rules & r == 0 {
                    *count += 1;
                    assert!(
                        parser.parse_with(i, r).is_none(),
                        "prefilter left rule {r:#b} out at {:?}, which it takes",
                        &text[t.start..t.end]
                    );
                }
            }
        }
    }
    assert!(rejected.iter().all(|&n| n > 0), "{rejected:?}");
}

/// Pieces that decide how the time tokenizer joins and splits: digits and letters around
/// `.`, `,`, `:`, `/`, hyphens and apostrophes, ASCII and not; and words that start expressions.
const PIECES: &[&str] = &[
    "19", "6", "2024", "Juni", "at", "Jum", "a", "é", "Ä", ".", ",", ":", "/", "-", "–", "'", "’",
    " ", "\n", "(", ")", "\u{a0}", "\u{85}", "x1", "Tahun", "dua",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// The fast paths for ASCII give the tokens (and their rules) the general path gives.
    #[test]
    fn fast_paths_are_the_general_path(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
    ) {
        let text = pieces.concat();
        let plain = |toks: Vec<Tok>| -> Vec<(usize, usize, Kind, u16)> {
            toks.iter().map(|t| (t.start, t.end, t.kind, t.rules)).collect()
        };
        proptest::prop_assert_eq!(
            plain(tokenize_with(&text, true)),
            plain(tokenize_with(&text, false)),
            "{:?}", text
        );
    }
}

/// [`dateline_window`] as first written: `find("\n\n")` over the whole text.
fn dateline_window_by_str_search(text: &str) -> usize {
    let mut paragraphs = 0;
    let mut end = text.len();
    let mut search = 0;
    let content = text
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(text.len());
    while let Some(pos) = text[search..].find("\n\n") {
        let at = search + pos;
        if content < at {
            paragraphs += 1;
        }
        if paragraphs == 3 {
            end = at;
            break;
        }
        search = at + 2;
    }
    window_ending_at(text, end)
}

/// Pieces of paragraphs; repeated, they carry a text past the bounds of the window.
const WINDOW_PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\n\n\n",
    " ",
    "a",
    "é",
    "Senin, 19 Juni 2024.",
    "\u{2028}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The newline search of the dateline window finds the paragraphs `find("\n\n")` finds.
    #[test]
    fn dateline_window_is_the_str_search(
        pieces in proptest::collection::vec(
            (proptest::sample::select(WINDOW_PIECES), 1..400usize), 0..12)
    ) {
        let text: String = pieces.iter().map(|(p, n)| p.repeat(*n)).collect();
        proptest::prop_assert_eq!(
            dateline_window(&text),
            dateline_window_by_str_search(&text),
            "{:?}", text
        );
    }
}
