/**
 * Sentence embeddings for dense search. {@link dailypapers.embedding.Encoder} is the seam;
 * {@link dailypapers.embedding.OnnxEncoder} runs an int8 BERT-style model with ONNX Runtime in process, from model
 * and tokenizer files shipped inside Maven jars, so nothing is downloaded at run time. Start at
 * {@link dailypapers.embedding.Encoders#defaultEncoder()}; docs/search.md records why its model was chosen.
 */
package dailypapers.embedding;
