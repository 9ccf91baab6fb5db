/** kuroshiro and its kuromoji analyser ship no types; src/ingest/write/romanise.ts uses only their constructors. */
declare module 'kuroshiro' {
	const Kuroshiro: unknown;
	export default Kuroshiro;
}
declare module 'kuroshiro-analyzer-kuromoji' {
	const KuromojiAnalyzer: unknown;
	export default KuromojiAnalyzer;
}
