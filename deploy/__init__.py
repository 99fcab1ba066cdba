"""Running the explainer for many readers: Streamlit replicas behind nginx (see README: Deployment)."""
