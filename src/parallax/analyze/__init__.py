"""Per-article analysis stages: sentences, entities, quotes, speakers, dates, embeddings."""
