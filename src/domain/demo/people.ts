/**
 * Names and places for the demo cooperative in Kabupaten Malang: common Javanese and Indonesian
 * given names and the dusun of a typical desa, so the demo reads like a real member list.
 */
export const GIVEN_NAMES_WOMEN = [
  'Siti', 'Sri', 'Sumiati', 'Suwarni', 'Wartini', 'Endang', 'Rukmini', 'Lestari', 'Yuliani', 'Dwi',
  'Eka', 'Nur', 'Tri', 'Sulastri', 'Winarti', 'Murni', 'Sukarti', 'Partini', 'Ani', 'Rina',
] as const;

export const GIVEN_NAMES_MEN = [
  'Ahmad', 'Budi', 'Slamet', 'Sugeng', 'Joko', 'Agus', 'Bambang', 'Hadi', 'Supriyadi', 'Wahyu',
  'Teguh', 'Eko', 'Darmaji', 'Sutrisno', 'Imam', 'Rudi', 'Suparman', 'Heri', 'Yusuf', 'Mulyono',
] as const;

export const FAMILY_NAMES = [
  'Wahyuni', 'Rahayu', 'Santoso', 'Prasetyo', 'Hidayat', 'Susanto', 'Purnomo', 'Setiawan', 'Handayani',
  'Kusuma', 'Utomo', 'Wibowo', 'Nurhayati', 'Saputra', 'Maulana', 'Fauzi', 'Aminah', 'Rohmah',
] as const;

export const DUSUN = ['Krajan', 'Sumberejo', 'Ngadirejo', 'Kebonsari', 'Tegalrejo'] as const;

export const DEMO_PROFILE = {
  name: 'Koperasi Desa Sumber Makmur (DEMO)',
  village: 'Desa Sumbermakmur',
  district: 'Kab. Malang',
  address: 'Jl. Raya Sumbermakmur No. 12, Kec. Dau, Kab. Malang',
  treasurer: 'Siti Aminah',
} as const;
